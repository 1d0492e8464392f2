'use client';

import { useSyncExternalStore } from 'react';
import { LOCALE_COOKIE, toLocale, type Locale } from '@tobacco/i18n/locale';
import { commonEn, commonZh } from '@tobacco/i18n/messages/common';

// The last resort when the root layout itself fails: it replaces the whole document, so no translator
// is above it. It reads the language cookie itself and carries the few common messages it shows.
const TEXT = { 'zh-CN': commonZh, en: commonEn } as const;

function cookieLocale(): Locale {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${LOCALE_COOKIE}=`));
  return toLocale(entry?.slice(LOCALE_COOKIE.length + 1));
}

const noSubscription = () => () => {};

export function GlobalErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // The cookie does not change while this page is shown: nothing to subscribe to.
  const locale = useSyncExternalStore(noSubscription, cookieLocale, () => 'zh-CN' as Locale);
  const text = TEXT[locale];
  return (
    <html lang={locale}>
      <body
        style={{
          fontFamily: 'system-ui, sans-serif',
          margin: 0,
          padding: '2.5rem 1rem',
          lineHeight: 1.6,
          color: '#101828',
          background: '#f5f7fa',
        }}
      >
        <main id="main" style={{ maxWidth: '40rem', margin: '0 auto' }}>
          <h1 style={{ fontSize: '1.5rem' }}>{text['common.loadFailed']}</h1>
          <p role="alert">
            {error.digest ? text['errors.unexpected'].replace('{requestId}', error.digest) : text['errors.unexpectedNoId']}
          </p>
          <p style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
            <button
              type="button"
              onClick={reset}
              style={{
                minHeight: 44,
                padding: '0 1.25rem',
                fontSize: '1rem',
                background: '#0a4478',
                color: '#fff',
                border: 0,
                borderRadius: 8,
              }}
            >
              {text['common.retry']}
            </button>
            <a
              href="/"
              style={{
                minHeight: 44,
                display: 'inline-flex',
                alignItems: 'center',
                padding: '0 1.25rem',
                color: '#0a4478',
                fontWeight: 600,
              }}
            >
              {text['common.backHome']}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
