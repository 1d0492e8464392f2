import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { TKnowledgeCategory, TKnowledgeAudience } from '@tobacco/api/knowledge/knowledge.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { RichText } from '@tobacco/ui/rich-text';
import { PageTitle } from '@tobacco/ui/shell';
import { areaMetadata, deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { Badge } from '../../admin/_components/feedback';
import { ArticleActions } from '../_components/article-actions';
import { ArticleEditor } from '../_components/article-editor';
import { audienceLabel, categoryLabel, STATE_TONE, stateLabel } from '../_components/labels';

export const dynamic = 'force-dynamic';
export const generateMetadata = (): Promise<Metadata> => areaMetadata('knowledge');

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const denied = await deniedArea('knowledge');
  if (denied) return denied;
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const [{ t, locale }, { api }, me] = await Promise.all([getI18n(), getServerApi(), getMe()]);
  let article;
  try {
    article = await api.knowledge.get({ id });
  } catch (error) {
    if (errorMessageOf(error).key === 'errors.NOT_FOUND') notFound();
    throw error;
  }
  const canWrite = me.permissions.includes('knowledge.write');
  const canPublish = me.permissions.includes('knowledge.publish');
  const options = canWrite ? await api.knowledge.editorOptions() : null;
  const en = locale === 'en';

  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/knowledge">← {t('knowledge.staff.title')}</Link>
      </p>
      <PageTitle
        description={t('knowledge.staff.meta', {
          state: t(stateLabel(article.state)),
          version: article.version,
          who: article.updatedBy.name,
          at: formatDateTime(article.updatedAt, locale),
        })}
        actions={canPublish ? <ArticleActions id={article.id} version={article.version} state={article.state} /> : null}
      >
        {en ? article.titleEn : article.titleZh}
      </PageTitle>
      <p className="flex flex-wrap gap-2">
        <Badge tone={STATE_TONE[article.state] ?? 'muted'}>{t(stateLabel(article.state))}</Badge>
        <Badge tone="muted">{t(categoryLabel(article.category))}</Badge>
        <Badge tone="muted">{t(audienceLabel(article.audience))}</Badge>
        <Badge tone="muted">{en ? article.department.nameEn : article.department.name}</Badge>
        {article.tags.map((tag) => (
          <Badge key={tag} tone="muted">
            #{tag}
          </Badge>
        ))}
      </p>
      {options ? (
        <section aria-labelledby="kb-edit" className="flex flex-col gap-3">
          <h2 id="kb-edit" className="text-lg font-bold">
            {t('knowledge.staff.edit')}
          </h2>
          <ArticleEditor
            key={article.version}
            article={{ id: article.id, version: article.version }}
            departments={options.departments}
            initial={{
              category: article.category as TKnowledgeCategory,
              audience: article.audience as TKnowledgeAudience,
              departmentId: article.departmentId,
              tags: article.tags,
              titleZh: article.titleZh,
              titleEn: article.titleEn,
              bodyZh: article.bodyZh,
              bodyEn: article.bodyEn,
            }}
          />
        </section>
      ) : (
        <section aria-label={t('knowledge.staff.preview')} className="grid gap-4 lg:grid-cols-2">
          <article className="rounded-xl border border-line bg-surface p-4">
            <h2 className="mb-2 text-lg font-bold">{article.titleZh}</h2>
            <RichText html={article.bodyZh} />
          </article>
          <article lang="en" className="rounded-xl border border-line bg-surface p-4">
            <h2 className="mb-2 text-lg font-bold">{article.titleEn}</h2>
            <RichText html={article.bodyEn} />
          </article>
        </section>
      )}
    </div>
  );
}
