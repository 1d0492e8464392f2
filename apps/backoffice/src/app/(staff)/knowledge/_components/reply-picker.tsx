'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '@tobacco/ui/button';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';

/**
 * "插入知识库答案" in a case's reply box: find a published article and insert its text where the agent can edit
 * it before sending. The Chinese text is inserted, as replies are read by the retailer (zh-CN first); the
 * title shows in the agent's language. Not a form of its own: it sits inside the reply form.
 */
export function KnowledgeReplyPicker({ onInsert }: { onInsert: (text: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [inserted, setInserted] = useState(false);
  const results = useQuery({ ...trpc.knowledge.searchReplies.queryOptions({ q }), enabled: q.length > 0 });

  if (!open) {
    return (
      <Button variant="secondary" className="self-start" onClick={() => setOpen(true)} data-testid="kb-insert-open">
        {t('knowledge.reply.insert')}
      </Button>
    );
  }
  const search = () => {
    setInserted(false);
    setQ(draft.trim().slice(0, 60));
  };
  const hits = results.data?.hits ?? [];
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-line bg-brand-50 p-3" data-testid="kb-picker">
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={inputId} className="flex min-w-0 flex-1 basis-48 flex-col gap-1">
          <span className="font-semibold">{t('knowledge.reply.searchLabel')}</span>
          <input
            id={inputId}
            type="search"
            value={draft}
            maxLength={60}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              // Enter searches the knowledge base; it must not send the reply the picker sits in.
              if (e.key === 'Enter') {
                e.preventDefault();
                search();
              }
            }}
            className="min-h-11 w-full rounded-lg border border-line bg-surface px-3"
          />
        </label>
        <Button variant="secondary" onClick={search}>
          {t('knowledge.reply.search')}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t('knowledge.reply.close')}
        </Button>
      </div>
      {q && results.isSuccess && hits.length === 0 ? <p>{t('knowledge.reply.none')}</p> : null}
      {hits.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {hits.map((h) => (
            <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line bg-surface p-2">
              <span className="font-semibold">{(locale === 'en' ? h.title.en : h.title.zh).map((p) => p.text).join('')}</span>
              <Button
                onClick={() => {
                  onInsert(h.textZh);
                  setInserted(true);
                }}
              >
                {t('knowledge.reply.use')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {inserted ? <p role="status">{t('knowledge.reply.inserted')}</p> : null}
    </div>
  );
}
