'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { TIMELINE_KINDS, type TimelineKind } from '@tobacco/api/retailers/retailer360.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import { Button } from '@tobacco/ui/button';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { cn } from '@tobacco/ui/lib/cn';
import { EmptyState } from '@tobacco/ui/states';
import { useTRPC } from '@/trpc/react';
import { errorText } from '../../admin/_components/feedback';
import { timelineEventText } from './timeline-text';

/** The shop's one timeline, newest first; kinds filter it; "more" follows the keyset cursor. */
export function Timeline({ retailerId }: { retailerId: number }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const query = useInfiniteQuery(
    trpc.retailers.timeline.infiniteQueryOptions({ retailerId, kinds }, { getNextPageParam: (last) => last.next }),
  );
  const toggle = (kind: TimelineKind) =>
    setKinds((current) => (current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind]));
  const events = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-4">
      <div role="group" aria-label={t('retailer360.timeline.filter')} className="flex flex-wrap gap-2">
        {TIMELINE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={kinds.includes(kind)}
            onClick={() => toggle(kind)}
            className={cn(
              'min-h-11 rounded-full border px-4 text-sm',
              kinds.includes(kind) ? 'border-brand-700 bg-brand-50 font-semibold text-brand-800' : 'border-line text-ink',
            )}
          >
            {t(`retailer360.kind.${kind}`)}
          </button>
        ))}
      </div>
      {query.isError ? (
        <p role="alert" className="text-danger-700">
          {errorText(t, query.error)}
        </p>
      ) : null}
      {query.isPending ? <p className="text-ink-muted">{t('common.loading')}</p> : null}
      {!query.isPending && events.length === 0 ? <EmptyState title={t('retailer360.timeline.empty')} /> : null}
      <ol className="flex flex-col" data-testid="timeline">
        {events.map((event) => {
          const text = timelineEventText(t, locale, event, retailerId);
          return (
            <li key={`${event.kind}:${event.id}`} className="flex gap-3 border-l-2 border-line py-2 pl-4" data-kind={event.kind}>
              <div className="flex flex-col gap-0.5">
                <p className="text-sm text-ink-muted">
                  <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at, locale)}</time> ·{' '}
                  {t(`retailer360.kind.${event.kind}`)}
                </p>
                <p className="font-semibold">{text.href ? <Link href={text.href}>{text.title}</Link> : text.title}</p>
                {text.detail ? <p className="text-ink-muted">{text.detail}</p> : null}
                {text.photos?.length ? (
                  <ul className="flex flex-wrap gap-2" aria-label={t('retailer360.photos')}>
                    {text.photos.map((photo) => (
                      <li key={photo.id}>
                        <a href={`/visits/photos/${photo.id}`} target="_blank" rel="noreferrer" className="block">
                          <img
                            src={`/visits/photos/${photo.id}`}
                            alt={photo.name}
                            width={96}
                            height={96}
                            className="h-24 w-24 rounded-lg border border-line object-cover"
                            loading="lazy"
                          />
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {query.hasNextPage ? (
        <div>
          <Button variant="secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {query.isFetchingNextPage ? t('common.loading') : t('retailer360.timeline.more')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
