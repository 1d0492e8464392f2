import Link from 'next/link';
import { buttonClass } from './button';
import { getI18n } from './lib/i18n-server';
import { PageTitle } from './shell';

/**
 * What a missing page says, in the reader's language. Rendered inside an app layout (which has the page's
 * one <main>) by the signed-in area's not-found.tsx, and wrapped in a <main> by the app's root one.
 */
export async function NotFoundContent() {
  const { t } = await getI18n();
  return (
    <div className="flex flex-col items-start gap-4">
      <PageTitle description={t('common.notFoundHint')}>{t('common.notFound')}</PageTitle>
      <Link href="/" prefetch={false} className={buttonClass('primary', 'lg')}>
        {t('common.backHome')}
      </Link>
    </div>
  );
}
