/** A fresh, unguessable nonce for one response's scripts. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/**
 * The Content-Security-Policy of every page: scripts only from this origin with this response's nonce (Next
 * puts it on its own scripts when it finds the policy on the request), nothing framed, no plugins, forms and
 * requests to this origin only. Styles allow inline: the stylesheet is inlined and charts set style
 * attributes, which a nonce cannot cover; style cannot run script.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    // No eval in production (zod parses without compiling in the browser, see @tobacco/ui's zod-without-eval);
    // the development server's React needs it for its error overlay and stack traces.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Browser features neither app uses are switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';
