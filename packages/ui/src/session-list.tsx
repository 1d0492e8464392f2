import { formatDateTime } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import type { Translate } from '@tobacco/i18n/translator';
import { Button } from './button';

export type SessionRow = { id: string; createdAt: string; userAgent: string | null; current: boolean };

type Props = {
  sessions: SessionRow[];
  labels: {
    title: string;
    intro: string;
    current: string;
    unknownDevice: string;
    end: string;
    everywhere: string;
    signedInAt: (at: string) => string;
  };
  /** Form actions: end one session (the form carries its `id`), end them all. */
  endAction: (formData: FormData) => Promise<void>;
  everywhereAction: () => Promise<void>;
};

/** A person's active sign-ins, each with its device and time, to end one or all of them. */
export function SessionList({ sessions, labels, endAction, everywhereAction }: Props) {
  return (
    <section
      aria-labelledby="sessions-title"
      className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6"
      data-testid="sessions"
    >
      <h2 id="sessions-title" className="text-xl font-bold">
        {labels.title}
      </h2>
      <p className="text-ink-muted">{labels.intro}</p>
      <ul className="flex flex-col divide-y divide-line">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="break-words font-medium">{s.userAgent ?? labels.unknownDevice}</p>
              <p className="text-sm text-ink-muted">
                {labels.signedInAt(s.createdAt)}
                {s.current ? ` · ${labels.current}` : ''}
              </p>
            </div>
            {s.current ? null : (
              <form action={endAction}>
                <input type="hidden" name="id" value={s.id} />
                <Button type="submit" variant="secondary">
                  {labels.end}
                </Button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <form action={everywhereAction}>
        <Button type="submit" variant="danger" data-testid="sign-out-everywhere">
          {labels.everywhere}
        </Button>
      </form>
    </section>
  );
}

/** The list's labels in the reader's language. */
export function sessionLabels(t: Translate, locale: Locale): Props['labels'] {
  return {
    title: t('sessions.title'),
    intro: t('sessions.intro'),
    current: t('sessions.current'),
    unknownDevice: t('sessions.unknownDevice'),
    end: t('sessions.end'),
    everywhere: t('sessions.everywhere'),
    signedInAt: (at) => t('sessions.signedInAt', { at: formatDateTime(at, locale) }),
  };
}

/** The rows as the list shows them (dates as ISO text, so they cross to the page as plain data). */
export function sessionRows(rows: { id: string; createdAt: Date; userAgent: string | null; current: boolean }[]): SessionRow[] {
  return rows.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString(), userAgent: r.userAgent, current: r.current }));
}
