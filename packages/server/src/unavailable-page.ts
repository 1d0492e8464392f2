import { toLocale } from '@tobacco/i18n/locale';
import { translate } from '@tobacco/i18n/messages';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page the proxy answers while this server knows the database is down: 503, translated by the
 * person's language cookie, retried by the browser every 5 seconds (and by crawlers and monitors after
 * Retry-After). No database, no React: it must render while nothing else can.
 */
export function unavailablePage(cookieLocale: string | undefined): Response {
  const locale = toLocale(cookieLocale);
  const t = (key: Parameters<typeof translate>[1]) => escape(translate(locale, key));
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="5"><title>${t('ops.unavailable.title')}</title><style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#1f2937;line-height:1.6}main{max-width:32rem;margin:0 auto}h1{font-size:1.375rem}a{display:inline-block;min-height:44px;line-height:44px;padding:0 1.25rem;border-radius:.5rem;background:#7f1d1d;color:#fff;text-decoration:none}</style></head><body><main role="alert"><h1>${t('ops.unavailable.title')}</h1><p>${t('ops.unavailable.body')}</p><a href="">${t('ops.unavailable.retry')}</a></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store' },
  });
}
