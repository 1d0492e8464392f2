'use client';

import { Link } from '@/components/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import type { TSearchHit } from '@tobacco/api/knowledge/knowledge.service';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { notHelpfulAction, solvedAction, suggestAction } from '../../help/actions';
import { Highlighted } from '../../help/_lib/highlighted';

const DEBOUNCE_MS = 500;

/**
 * "这些可能有帮助": articles matching what the retailer is writing, asked for once they pause typing. "This
 * solved it" records the deflection and leaves the form without filing (nothing typed is kept).
 */
export function KnowledgeSuggestions({ text }: { text: string }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [answer, setAnswer] = useState<TSearchHit[]>([]);
  const [voted, setVoted] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const query = text.trim();

  useEffect(() => {
    if (query.length < 2) return;
    let current = true;
    const timer = setTimeout(() => {
      void suggestAction({ text: query }).then((result) => {
        // A slower answer to an older text must not replace the newer one.
        if (current && result.ok) setAnswer(result.data);
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const hits = query.length < 2 ? [] : answer;
  if (hits.length === 0) return null;
  const en = locale === 'en';
  const feedback = (articleId: number, action: typeof solvedAction, after: () => void) =>
    start(async () => {
      setError(null);
      const result = await action({ articleId, query: query.slice(0, 200) });
      if (result.ok) after();
      else setError(t(result.error.key as MessageKey, result.error.params));
    });

  return (
    <section
      aria-labelledby="kb-suggestions"
      className="flex flex-col gap-3 rounded-xl border border-brand-700/30 bg-brand-50 p-4"
      data-testid="kb-suggestions"
    >
      <h2 id="kb-suggestions" className="font-bold">
        {t('knowledge.suggest.title')}
      </h2>
      <ul className="flex flex-col gap-3">
        {hits.map((h) => (
          <li key={h.id} className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3" data-testid="kb-suggestion">
            <Link href={`/help/${h.id}`} target="_blank" className="inline-flex min-h-11 items-center text-lg font-semibold">
              <Highlighted pieces={en ? h.title.en : h.title.zh} />
            </Link>
            <p className="text-ink-muted">
              <Highlighted pieces={en ? h.excerpt.en : h.excerpt.zh} />
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                size="lg"
                disabled={pending}
                onClick={() => feedback(h.id, solvedAction, () => router.push(`/help/${h.id}?solved=1`))}
              >
                {t('knowledge.suggest.solved')}
              </Button>
              {voted.includes(h.id) ? (
                <p role="status" className="inline-flex min-h-11 items-center text-ink-muted">
                  {t('knowledge.suggest.voted')}
                </p>
              ) : (
                <Button
                  variant="secondary"
                  size="lg"
                  disabled={pending}
                  onClick={() => feedback(h.id, notHelpfulAction, () => setVoted((v) => [...v, h.id]))}
                >
                  {t('knowledge.suggest.notHelpful')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
