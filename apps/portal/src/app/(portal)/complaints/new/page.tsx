import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { redirect } from 'next/navigation';
import { formatDate, formatFen } from '@tobacco/i18n/format';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { getServerApi } from '@/trpc/server';
import { FileForm } from './file-form';

export const dynamic = 'force-dynamic';

// What the form's client code translates: its labels, the kinds, and the errors the server may answer with. Not
// the whole complaints area (≈ 300 messages, 16 KB of the page).
const FORM_MESSAGES = [
  'complaints.form.',
  'complaints.kind.',
  'complaints.kindHint.',
  'complaints.error.',
  'complaints.validation.',
  'knowledge.suggest.',
];

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('complaints.portal.newTitle') };
}

export default async function NewComplaintPage() {
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let options;
  try {
    options = await api.complaints.options();
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('complaints.portal.newTitle')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const categories = options.categories.map((c) => ({ value: c.id, label: locale === 'en' ? c.nameEn : c.name }));
  const orders = options.orders.map((o) => ({
    value: o.id,
    label: t('complaints.portal.orderOption', {
      date: formatDate(o.orderDate, locale),
      quantity: o.totalQuantity,
      amount: formatFen(o.totalAmountFen, locale),
    }),
  }));
  return (
    <div className="flex flex-col gap-4">
      <PageTitle description={t('complaints.portal.newIntro')}>{t('complaints.portal.newTitle')}</PageTitle>
      <section className="rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6">
        <ClientMessages prefixes={FORM_MESSAGES}>
          <FileForm categories={categories} orders={orders} />
        </ClientMessages>
      </section>
      <p>
        <Link href="/complaints" className="inline-flex min-h-11 items-center">
          {t('complaints.portal.back')}
        </Link>
      </p>
    </div>
  );
}
