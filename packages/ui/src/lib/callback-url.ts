// Where the login page may send a person after signing in: only a path on this same site, so a crafted
// link (`?callbackUrl=https://evil.example`, `//evil.example`, `/\evil.example`) cannot bounce them elsewhere.
export function safeCallbackUrl(value: string | string[] | null | undefined, fallback = '/'): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  // Browsers drop tabs and newlines inside URLs, which would let `/\t/evil.example` become `//evil.example`.
  if (raw.includes('\\') || [...raw].some((ch) => ch.charCodeAt(0) < 0x20)) return fallback;
  try {
    // Parsed against a dummy origin: anything that would leave it is refused.
    const url = new URL(raw, 'http://same.origin');
    if (url.origin !== 'http://same.origin') return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith('/login') ? fallback : path;
  } catch {
    return fallback;
  }
}

/** The login page's address that brings the person back to `pathWithSearch` afterwards. */
export function loginPathFor(pathWithSearch: string): string {
  const target = safeCallbackUrl(pathWithSearch);
  return target === '/' ? '/login' : `/login?callbackUrl=${encodeURIComponent(target)}`;
}

/**
 * Pages anyone may open: the login page and the forgotten-password page, the API (which answers
 * UNAUTHORIZED itself) and Next's assets.
 */
export function isPublicPath(pathname: string): boolean {
  return pathname === '/login' || pathname === '/login/forgot' || pathname.startsWith('/api/') || pathname.startsWith('/_next/');
}
