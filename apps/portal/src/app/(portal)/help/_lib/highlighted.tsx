import type { THighlight } from '@tobacco/api/knowledge/knowledge.rules';

/** Search results with the matched words marked; the pieces are plain text, never HTML. */
export function Highlighted({ pieces }: { pieces: THighlight }) {
  return (
    <>
      {pieces.map((p, i) =>
        p.match ? (
          <mark key={i} className="rounded-sm bg-warning-50 px-0.5 font-semibold text-ink">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
