/**
 * The response that hands out a stored attachment: private, never cached by a proxy, shown inline when it is
 * an image or PDF (the only types stored), and sandboxed so a crafted file cannot run script in the app's origin.
 */
export function attachmentResponse(file: { fileName: string; mimeType: string; bytes: Uint8Array }): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(file.bytes as BodyInit, {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
