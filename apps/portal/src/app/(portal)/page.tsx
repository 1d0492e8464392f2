import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { buttonClass } from '@tobacco/ui/button';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { NavIcon } from '@/components/nav-icon';
import { ShopCard, type ShopCardData } from '@/components/shop-card';
import { PORTAL_NAV } from '@/navigation';
import { getServerApi } from '@/trpc/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('portal.home.title') };
}

// Rendered on the server with the API called in-process: the shop card arrives in the first HTML,
// with no client-side fetch and no JavaScript of its own.
export default async function HomePage() {
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let shop: ShopCardData;
  try {
    shop = await api.retailers.shopCard();
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const message = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('portal.home.title')}</PageTitle>
        <ErrorState
          title={t('portal.shop.loadFailed')}
          message={t(message.key, message.params)}
          action={
            <a href="/" className={buttonClass('secondary', 'lg')}>
              {t('common.retry')}
            </a>
          }
        />
      </>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <ShopCard shop={shop} t={t} locale={locale} />
      <section aria-labelledby="services-title">
        <h2 id="services-title" className="mb-3 text-xl font-bold">
          {t('portal.home.services')}
        </h2>
        <ul className="grid grid-cols-3 gap-3">
          {PORTAL_NAV.filter((entry) => entry.href !== '/').map((entry) => (
            <li key={entry.href}>
              <Link
                href={entry.href}
                prefetch={false}
                className="flex min-h-24 flex-col items-center justify-center gap-1 rounded-xl border border-line bg-surface p-2 text-center font-semibold text-ink no-underline hover:border-brand-700 hover:bg-brand-50"
              >
                <NavIcon name={entry.icon} className="size-8 text-brand-700" />
                <span>{t(entry.label)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
