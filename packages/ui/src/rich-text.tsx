// Rich text written in the back office (a promotion's body). The HTML must already be sanitised on the
// server (promotions.body.rules.ts); this only gives the few allowed tags a readable style.
export function RichText({ html, className = '' }: { html: string; className?: string }) {
  return (
    <div
      className={`flex flex-col gap-2 [&_a]:underline [&_h3]:text-lg [&_h3]:font-bold [&_h4]:font-bold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 [&_blockquote]:border-l-4 [&_blockquote]:border-line [&_blockquote]:pl-3 ${className}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
