import { formatDateTime } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import type { MessageKey } from '@tobacco/i18n/messages';
import { joinList, type Translate } from '@tobacco/i18n/translator';
import { SelectField } from '@tobacco/ui/field';
import { SectionTabs, type SectionTab } from '@/components/section-tabs';

// What the product-analysis pages share: the tabs between them, the period / district / band fields, and the
// note that says where the figures come from.

type Options = { months: string[]; quarters: string[]; districts: { id: number; name: string; nameEn: string }[] };

const TABS = [
  { href: '/products/pareto', label: 'products.pareto.title', permission: 'products.read' },
  { href: '/products/composite', label: 'products.composite.title', permission: 'products.read' },
  { href: '/products/demand', label: 'products.demand.title', permission: 'products.read' },
] as const satisfies readonly SectionTab[];

export function ProductTabs({ current }: { current: (typeof TABS)[number]['href'] }) {
  return <SectionTabs tabs={TABS} current={current} label="products.tabs" />;
}

export function GroupFields({
  t,
  locale,
  options,
  period,
  districtId,
  gradeBand,
}: {
  t: Translate;
  locale: Locale;
  options: Options;
  period: string | null;
  districtId?: number;
  gradeBand?: number;
}) {
  return (
    <>
      <SelectField
        id="product-period"
        name="period"
        label={t('products.period')}
        defaultValue={period ?? ''}
        options={[
          ...options.months.map((m) => ({ value: m, label: t('products.period.month', { period: m }) })),
          ...options.quarters.map((q) => ({ value: q, label: t('products.period.quarter', { period: q }) })),
        ]}
      />
      <SelectField
        id="product-district"
        name="districtId"
        label={t('products.district')}
        placeholder={t('common.all')}
        defaultValue={districtId ?? ''}
        options={options.districts.map((d) => ({ value: d.id, label: locale === 'en' ? d.nameEn : d.name }))}
      />
      <SelectField
        id="product-band"
        name="gradeBand"
        label={t('products.gradeBand')}
        placeholder={t('common.all')}
        defaultValue={gradeBand ?? ''}
        options={[3, 2, 1, 0].map((b) => ({ value: b, label: t(`products.band.${b}` as MessageKey) }))}
      />
    </>
  );
}

export type Source = { period: string; monthsWithData: string[]; monthsMissing: string[]; computedAt: Date | null };

export function SourceNote({ t, locale, source }: { t: Translate; locale: Locale; source: Source }) {
  return (
    <div className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-3 text-sm text-ink-muted" data-testid="product-source">
      {source.monthsWithData.length > 0 && source.computedAt ? (
        <p>{t('products.source', { months: joinList(t, source.monthsWithData), computedAt: formatDateTime(source.computedAt, locale) })}</p>
      ) : null}
      {source.monthsMissing.length > 0 ? <p>{t('products.sourceMissing', { months: joinList(t, source.monthsMissing) })}</p> : null}
    </div>
  );
}
