import type { Metadata } from 'next';
import { Link } from '@/components/link';
import { notFound, redirect } from 'next/navigation';
import { formatDateTime, formatFen } from '@tobacco/i18n/format';
import type { TargetReason } from '@tobacco/api/promotions/promotions.rules';
import type { Locale } from '@tobacco/i18n/locale';
import { joinList, type Translate } from '@tobacco/i18n/translator';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { RichText } from '@tobacco/ui/rich-text';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { productLabel } from '@/lib/product-label';
import { getServerApi } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('promotions.title') };
}

const card = 'flex flex-col gap-2 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6';

function reasonText(reason: TargetReason, t: Translate, district: { name: string; nameEn: string }, locale: Locale): string {
  switch (reason.kind) {
    case 'GRADE': {
      const range =
        reason.min !== null && reason.max !== null
          ? t('promotions.why.gradeRange', { min: reason.min, max: reason.max })
          : reason.min !== null
            ? t('promotions.why.gradeMin', { min: reason.min })
            : t('promotions.why.gradeMax', { max: reason.max ?? '' });
      return t('promotions.why.GRADE', { range, grade: reason.grade });
    }
    case 'CLASSIFICATION':
      return t('promotions.why.CLASSIFICATION', { codes: joinList(t, reason.codes), code: reason.code });
    case 'DISTRICT':
      return t('promotions.why.DISTRICT', { district: locale === 'en' ? district.nameEn : district.name });
    case 'INTEGRITY':
      return t('promotions.why.INTEGRITY', { levels: joinList(t, reason.levels), level: reason.level });
    default:
      return t(`promotions.why.${reason.kind}`);
  }
}

// Opening the page records that I read the promotion (promotions.open is a mutation for that reason).
export default async function PromotionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let p;
  try {
    p = await api.promotions.open({ id });
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return (
      <>
        <PageTitle>{t('promotions.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const caption = t('promotions.detail.productsCaption');
  return (
    <div className="flex flex-col gap-4">
      <Link href="/promotions" className="inline-flex min-h-11 items-center self-start font-semibold">
        {t('promotions.back')}
      </Link>
      <PageTitle>{p.title}</PageTitle>
      <section className={card} aria-label={p.title}>
        <RichText html={p.body} className="text-lg" />
        <p>
          <span className="font-semibold">{t('promotions.detail.window')}</span> {formatDateTime(p.startsAt, locale)} –{' '}
          {formatDateTime(p.endsAt, locale)}
        </p>
      </section>
      <section className={card} aria-labelledby="terms-title">
        <h2 id="terms-title" className="text-xl font-bold">
          {t('promotions.detail.terms')}
        </h2>
        <p className="whitespace-pre-wrap">{p.terms}</p>
      </section>
      <section className={card} aria-labelledby="why-title" data-testid="promotion-why">
        <h2 id="why-title" className="text-xl font-bold">
          {t('promotions.why.title')}
        </h2>
        <ul className="list-disc pl-6">
          {p.reasons.map((reason) => (
            <li key={reason.kind}>{reasonText(reason, t, p.district, locale)}</li>
          ))}
        </ul>
      </section>
      {p.products.length > 0 ? (
        <section aria-labelledby="products-title" className="flex flex-col gap-2">
          <h2 id="products-title" className="text-xl font-bold">
            {t('promotions.detail.products')}
          </h2>
          <DataTable caption={caption} captionHidden scrollLabel={t('common.tableScroll', { name: caption })}>
            <thead>
              <tr>
                <Th>{t('allocation.product')}</Th>
                <Th className="text-right">{t('promotions.detail.wholesale')}</Th>
                <Th className="text-right">{t('promotions.detail.retail')}</Th>
              </tr>
            </thead>
            <tbody>
              {p.products.map((product) => (
                <tr key={product.id}>
                  <Td>
                    {productLabel(product)}
                    {product.scarce ? (
                      <span className="ml-2 rounded-full bg-danger-700 px-2 text-sm font-semibold text-white">
                        {t('allocation.scarce')}
                      </span>
                    ) : null}
                    <span className="block text-sm text-ink-muted">
                      {t('promotions.detail.code')} {product.code}
                    </span>
                  </Td>
                  <Td className="text-right whitespace-nowrap">{formatFen(product.wholesalePriceFen, locale)}</Td>
                  <Td className="text-right whitespace-nowrap">{formatFen(product.retailPriceFen, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
    </div>
  );
}
