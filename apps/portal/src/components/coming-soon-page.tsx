import type { Metadata } from 'next';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ComingSoon } from '@tobacco/ui/states';
import Link from 'next/link';

export async function comingSoonMetadata(title: MessageKey): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t(title) };
}

/** A portal area that is not built yet: its title and a plain "coming soon", never made-up data. */
export async function ComingSoonPage({ title }: { title: MessageKey }) {
  const { t } = await getI18n();
  return (
    <>
      <PageTitle>{t(title)}</PageTitle>
      <ComingSoon
        title={t('common.comingSoon')}
        body={t('common.comingSoonBody')}
        action={
          <Link href="/" className={buttonClass('secondary', 'lg')}>
            {t('common.backHome')}
          </Link>
        }
      />
    </>
  );
}
