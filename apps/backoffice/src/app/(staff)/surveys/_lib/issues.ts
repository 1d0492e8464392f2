import type { MessageKey } from '@tobacco/i18n/messages';
import type { Translate } from '@tobacco/i18n/translator';

type Issue = { path: PropertyKey[]; message: string };

/** Where in the survey an issue is, in words: "第 2 部分第 3 题". */
export function issueWhere(path: readonly PropertyKey[], t: Translate): string {
  const at = path.indexOf('sections');
  const s = typeof path[at + 1] === 'number' ? (path[at + 1] as number) : null;
  const q = path[at + 2] === 'questions' && typeof path[at + 3] === 'number' ? (path[at + 3] as number) : null;
  if (s !== null && q !== null) return t('surveys.builder.where.question', { s: s + 1, n: q + 1 });
  if (s !== null) return t('surveys.builder.where.section', { n: s + 1 });
  return t('surveys.builder.where.survey');
}

/** A zod issue as a translated line; our schemas put message keys in their messages. */
export function issueText(issue: Issue, t: Translate): string {
  // The translator answers an unknown key with the key itself: then the message was zod's own.
  const translated = t(issue.message as MessageKey);
  const message = translated === issue.message ? t('surveys.validation.generic') : translated;
  return t('surveys.builder.errorAt', { where: issueWhere(issue.path, t), message });
}
