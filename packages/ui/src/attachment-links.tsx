// A case's attachments as links that open in a new window. Each app serves them through its own
// `/complaints/attachments/[id]` route, which checks who may see the case.
export function AttachmentLinks({
  attachments,
  label,
  opensNewWindow,
}: {
  attachments: { id: number; fileName: string }[];
  label: string;
  opensNewWindow: string;
}) {
  if (attachments.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-2" aria-label={label}>
      {attachments.map((a) => (
        <li key={a.id}>
          <a
            href={`/complaints/attachments/${a.id}`}
            target="_blank"
            rel="noopener"
            className="inline-flex min-h-11 items-center rounded-lg border border-line bg-surface px-3"
          >
            {a.fileName}
            <span className="sr-only">{opensNewWindow}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
