import type { inferRouterOutputs } from '@trpc/server';
import type { PortalRouter } from '@tobacco/api/portal';
import type { Locale } from '@tobacco/i18n/locale';
import type { MessageKey } from '@tobacco/i18n/messages';
import type { Translate } from '@tobacco/i18n/translator';
import { buttonClass } from '@tobacco/ui/button';
import { DetailItem } from '@tobacco/ui/card';

// What the card shows; the home page's one round trip (`home`) brings exactly these fields.
export type ShopCardData = Pick<
  inferRouterOutputs<PortalRouter>['retailers']['shopCard'],
  | 'shopName'
  | 'licenceNo'
  | 'grade'
  | 'integrityLevel'
  | 'district'
  | 'classificationCode'
  | 'market'
  | 'businessForm'
  | 'ownerName'
  | 'orderWeekday'
  | 'accountManager'
>;

function classification(shop: ShopCardData, t: Translate): string {
  const size = shop.classificationCode.charAt(2);
  if (!['1', '2', '3'].includes(size)) return shop.classificationCode;
  return t('portal.shop.classificationValue', {
    code: shop.classificationCode,
    market: t(`enum.market.${shop.market}` as MessageKey),
    form: t(`enum.form.${shop.businessForm}` as MessageKey),
    size: t(`common.size.${size}` as MessageKey),
  });
}

/** Who the shop is and who looks after it: the first thing a retailer sees. */
export function ShopCard({ shop, t, locale }: { shop: ShopCardData; t: Translate; locale: Locale }) {
  const district = shop.district ? (locale === 'en' ? shop.district.nameEn : shop.district.name) : '—';
  const manager = shop.accountManager;
  return (
    <section aria-labelledby="shop-name" className="overflow-hidden rounded-xl border border-line bg-surface shadow-sm">
      <div className="bg-brand-700 px-4 py-4 text-white sm:px-6">
        <h1 id="shop-name" className="text-2xl font-bold">
          {shop.shopName}
        </h1>
        <p className="mt-1">
          {t('portal.shop.licenceNo')} <span className="font-mono tracking-wide">{shop.licenceNo}</span>
        </p>
      </div>

      <div className="flex flex-col gap-5 px-4 py-5 sm:px-6">
        <div className="flex items-end justify-between gap-4 rounded-xl bg-brand-50 px-4 py-3">
          <div>
            <p className="text-ink-muted">{t('portal.shop.grade')}</p>
            <p data-testid="shop-grade" className="text-4xl leading-tight font-extrabold text-brand-800">
              {shop.grade ? t('common.gradeValue', { grade: shop.grade }) : t('common.notGraded')}
            </p>
          </div>
          <div className="text-right">
            <p className="text-ink-muted">{t('portal.shop.integrity')}</p>
            <p className="text-3xl leading-tight font-bold text-ink">{shop.integrityLevel}</p>
          </div>
        </div>

        <dl className="grid grid-cols-1 gap-4 min-[400px]:grid-cols-2">
          <DetailItem term={t('portal.shop.district')}>{district}</DetailItem>
          <DetailItem term={t('portal.shop.classification')}>{classification(shop, t)}</DetailItem>
          <DetailItem term={t('portal.shop.owner')}>{shop.ownerName}</DetailItem>
          <DetailItem term={t('portal.shop.orderDay')}>{t(`enum.weekday.${shop.orderWeekday}` as MessageKey)}</DetailItem>
        </dl>

        <div className="flex flex-col gap-3 border-t border-line pt-4">
          <div>
            <p className="text-ink-muted">{t('portal.shop.accountManager')}</p>
            <p className="text-xl font-semibold">{manager ? manager.name : t('common.notAssigned')}</p>
          </div>
          {manager?.phone ? (
            <a href={`tel:${manager.phone.replace(/[^\d+]/g, '')}`} className={buttonClass('primary', 'lg', 'w-full')}>
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="size-6"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2" />
              </svg>
              <span className="whitespace-nowrap">{t('portal.shop.call', { phone: manager.phone })}</span>
            </a>
          ) : null}
        </div>
      </div>
    </section>
  );
}
