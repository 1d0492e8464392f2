import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { MessageKey } from '@tobacco/i18n/messages';
import { formatNumber, formatPercent } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import { Card, DetailItem } from '@tobacco/ui/card';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState } from '@tobacco/ui/states';
import { cn } from '@tobacco/ui/lib/cn';
import { visibleAreas } from '@/navigation';
import { getMe, getServerApi } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('backoffice.nav.home') };
}

type Figure = {
  id: string;
  label: MessageKey;
  value: number | null;
  format: 'count' | 'percent' | 'index' | 'rating';
  href: string;
  attention?: boolean;
};

function formatFigure(figure: Figure, locale: Locale): string {
  if (figure.value === null) return '—';
  switch (figure.format) {
    case 'percent':
      return formatPercent(figure.value, locale);
    case 'index':
      return formatNumber(Math.round(figure.value * 10) / 10, locale);
    case 'rating':
      return formatNumber(Math.round(figure.value * 10) / 10, locale);
    default:
      return formatNumber(figure.value, locale);
  }
}

/** The staff home: each business area's figures for this person's roles, each linking to its list. */
export default async function HomePage() {
  const [{ t, locale }, me, { api }] = await Promise.all([getI18n(), getMe(), getServerApi()]);
  // The layout sends a temporary password to be changed; this page renders alongside, so it must not ask first.
  if (me.mustChangePassword) redirect('/change-password');
  const sections = await api.admin.home();
  const district = me.district ? (locale === 'en' ? me.district.nameEn : me.district.name) : null;
  const areas = visibleAreas(me.permissions).filter((area) => area.area !== 'home');
  return (
    <div className="flex flex-col gap-6">
      <PageTitle description={t('backoffice.home.greeting', { name: me.name })}>{t('backoffice.nav.home')}</PageTitle>

      {sections.length === 0 ? (
        <EmptyState title={t('admin.home.empty')} />
      ) : (
        sections.map((section) => (
          <section key={section.area} aria-labelledby={`home-${section.area}`} data-testid={`home-${section.area}`}>
            <h2 id={`home-${section.area}`} className="mb-3 text-xl font-bold">
              {t(section.title)}
            </h2>
            <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
              {section.figures.map((figure) => {
                const urgent = figure.attention && (figure.value ?? 0) > 0;
                return (
                  <li key={figure.id}>
                    <Link
                      href={figure.href}
                      data-testid={`figure-${figure.id}`}
                      className={cn(
                        'flex min-h-24 flex-col justify-between gap-2 rounded-xl border bg-surface px-4 py-3 text-ink no-underline hover:border-brand-700 hover:bg-brand-50',
                        urgent ? 'border-warning-800 border-l-4' : 'border-line',
                      )}
                    >
                      <span className="text-ink-muted">{t(figure.label)}</span>
                      <span className={cn('text-3xl font-bold tabular-nums', urgent ? 'text-warning-800' : 'text-brand-800')}>
                        {formatFigure(figure, locale)}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}

      <Card aria-labelledby="me-title">
        <h2 id="me-title" className="mb-4 text-xl font-bold">
          {me.name}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          <DetailItem term={t('backoffice.home.username')}>{me.username}</DetailItem>
          <DetailItem term={t('backoffice.home.roles')}>
            <ul className="flex flex-wrap gap-2">
              {me.roles.map((role) => (
                <li key={role} className="rounded-full bg-brand-50 px-3 py-0.5 text-brand-800">
                  {t(`enum.role.${role}` as MessageKey)}
                </li>
              ))}
            </ul>
          </DetailItem>
          {district ? <DetailItem term={t('backoffice.home.district')}>{district}</DetailItem> : null}
        </dl>
        <p className="mt-4">
          <Link href="/change-password" className="text-brand-700 underline-offset-2 hover:underline">
            {t('admin.password.changeLink')}
          </Link>
        </p>
      </Card>

      <section aria-labelledby="areas-title">
        <h2 id="areas-title" className="mb-3 text-xl font-bold">
          {t('backoffice.home.areas')}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
          {areas.map((area) => (
            <li key={area.href}>
              <Link
                href={area.href}
                className="flex min-h-16 items-center rounded-xl border border-line bg-surface px-4 font-semibold text-brand-800 no-underline hover:border-brand-700 hover:bg-brand-50"
              >
                {t(area.label)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
