import sanitizeHtml from 'sanitize-html';

// A promotion's body is rich text written in the back office and shown in the retailers' portal: only a
// small set of formatting survives, links only to http(s) and mailto, and no attribute that runs script
// or styles the page. Sanitised on the server before it is stored, so every reader gets safe HTML.

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }),
    b: 'strong',
    i: 'em',
    div: 'p',
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};

/** The stored form of a body: safe HTML, trimmed. */
export function sanitizePromotionBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** The body as plain text (for a length check and excerpts). */
export function promotionBodyText(html: string): string {
  // A space where a block ends, so that two paragraphs do not run into one word.
  const spaced = html.replace(/<\/(p|li|h3|h4|blockquote)>|<br\s*\/?>/gi, '$& ');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
