import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ZVisitFormInput } from '@tobacco/api/visits/visits.schema';
import { formatDate } from '@tobacco/i18n/format';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { getServerApi } from '@/trpc/server';
import { parseSearch, type SearchParams } from '../../admin/_components/search-params';
import { ChangeRequestForm, VisitForm } from './visit-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('visits.log.title') };
}

export default async function NewVisitPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const parsed = ZVisitFormInput.safeParse(
    parseSearch(ZVisitFormInput.partial(), await searchParams, { numbers: ['retailerId', 'visitId'] }),
  );
  if (!parsed.success) notFound();
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let context;
  try {
    context = await api.visits.formContext(parsed.data);
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />;
  }
  const { shop, planned } = context;
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-5">
      <p>
        <Link href="/visits" className="inline-flex min-h-11 items-center">
          ← {t('visits.title')}
        </Link>
      </p>
      <PageTitle description={`${shop.licenceNo} · ${shop.address}`}>
        {t('common.labelValue', { label: t('visits.log.title'), value: shop.shopName })}
      </PageTitle>
      {planned?.plannedFor ? (
        <p className="text-ink-muted">
          {t('visits.log.completesPlan')} · {formatDate(planned.plannedFor, locale)}
        </p>
      ) : null}
      <section className="rounded-xl border border-line bg-surface p-4 shadow-sm">
        <VisitForm retailerId={shop.id} visitId={planned?.id} defaultPurpose={planned?.purpose} />
      </section>
      <section aria-labelledby="change-request" className="rounded-xl border border-line bg-surface p-4 shadow-sm">
        <h2 id="change-request" className="mb-3 text-lg font-bold">
          {t('visits.change.title')}
        </h2>
        <ChangeRequestForm retailerId={shop.id} />
      </section>
    </div>
  );
}
