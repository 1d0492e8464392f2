import type { Metadata } from 'next';
import Link from 'next/link';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Card, DetailItem } from '@tobacco/ui/card';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { visibleAreas } from '@/navigation';
import { getMe } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('backoffice.nav.home') };
}

export default async function HomePage() {
  const [{ t, locale }, me] = await Promise.all([getI18n(), getMe()]);
  const district = me.district ? (locale === 'en' ? me.district.nameEn : me.district.name) : null;
  const areas = visibleAreas(me.permissions).filter((area) => area.area !== 'home');
  return (
    <div className="flex flex-col gap-6">
      <PageTitle description={t('backoffice.home.greeting', { name: me.name })}>{t('backoffice.nav.home')}</PageTitle>

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
        {me.mustChangePassword ? <p className="mt-4 rounded-lg bg-warning-50 px-4 py-2 text-warning-800">{t('backoffice.home.mustChangePassword')}</p> : null}
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
