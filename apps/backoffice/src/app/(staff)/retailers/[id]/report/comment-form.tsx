'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ZSaveReportCommentInput } from '@tobacco/api/analytics/business-analysis.schema';
import { COMMENT_MAX_LENGTH } from '@tobacco/api/analytics/report-comment.rules';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { TextAreaField } from '@tobacco/ui/text-area';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { FormMessage } from '../../../admin/_components/feedback';

/**
 * The account manager's commentary on a month's report: plain text with its counter, saved with the version
 * the writer saw (a colleague's edit in between is refused, never overwritten). The same schema as the server.
 */
export function CommentForm({ retailerId, month, body, version }: { retailerId: number; month: string; body: string; version: number }) {
  const t = useT();
  const trpc = useTRPC();
  const { error, run } = useAction();
  const save = useMutation(trpc.report.saveComment.mutationOptions());
  const [text, setText] = useState(body);
  const [fieldError, setFieldError] = useState<string | undefined>();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = ZSaveReportCommentInput.shape.body.safeParse(text);
    if (!checked.success) {
      setFieldError(t((checked.error.issues[0]?.message ?? 'errors.VALIDATION') as MessageKey));
      return;
    }
    setFieldError(undefined);
    void run(() => save.mutateAsync({ retailerId, month, body: checked.data, version }), t('report.comment.saved'));
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <TextAreaField
        id="report-comment"
        label={t('report.comment.label')}
        hint={t('report.comment.hint')}
        rows={5}
        maxLength={COMMENT_MAX_LENGTH}
        value={text}
        error={fieldError}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <Button type="submit" disabled={save.isPending}>
          {t('report.comment.save')}
        </Button>
      </div>
      <FormMessage error={error} />
    </form>
  );
}
