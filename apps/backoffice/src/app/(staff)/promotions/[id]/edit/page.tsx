import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { getServerApi } from '@/trpc/server';
import { PromotionEditor } from '../../_components/promotion-editor';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('promotions.staff.editTitle') };
}

export default async function EditPromotionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [{ t }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let promotion;
  try {
    promotion = await api.promotions.get({ id });
  } catch (error) {
    const m = errorMessageOf(error, requestId);
    if (m.key === 'errors.NOT_FOUND') notFound();
    return <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />;
  }
  const options = await api.promotions.editorOptions();
  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href={`/promotions/${id}`}>← {promotion.title}</Link>
      </p>
      <PageTitle>{t('promotions.staff.editTitle')}</PageTitle>
      {!promotion.can.edit ? (
        <ErrorState title={t('promotions.staff.errors.notEditable')} message={t('common.noAccess')} />
      ) : (
        <PromotionEditor
          promotionId={id}
          initial={{
            title: promotion.title,
            body: promotion.body,
            terms: promotion.terms,
            productIds: promotion.products.map((p) => p.id),
            startsAt: promotion.startsAtLocal,
            endsAt: promotion.endsAtLocal,
            target: {
              targetGradeMin: promotion.targetGradeMin,
              targetGradeMax: promotion.targetGradeMax,
              targetClassifications: promotion.targetClassifications,
              targetDistrictIds: promotion.targetDistrictIds,
              targetIntegrityLevels: promotion.targetIntegrityLevels,
              targetNamedList: promotion.targetNamedList,
            },
          }}
          initialProducts={promotion.products}
          districts={options.districts}
        />
      )}
    </div>
  );
}
