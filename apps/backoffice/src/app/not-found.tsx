import Link from 'next/link';
import { buttonClass } from '@tobacco/ui/button';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Main, PageTitle, SkipLink } from '@tobacco/ui/shell';

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <>
      <SkipLink label={t('common.skipToContent')} />
      <Main className="mx-auto flex w-full max-w-5xl flex-col items-start gap-4 px-4 py-10">
        <PageTitle>{t('common.notFound')}</PageTitle>
        <Link href="/" className={buttonClass('primary', 'lg')}>
          {t('common.backHome')}
        </Link>
      </Main>
    </>
  );
}
