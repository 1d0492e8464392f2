import type { MessageKey } from '@tobacco/i18n/messages';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { LoadingState } from '@tobacco/ui/states';

/** A portal page's loading state (its loading.tsx): the page's title at once, then the spinner. */
export async function PageLoading({ title }: { title: MessageKey }) {
  const { t } = await getI18n();
  return (
    <>
      <PageTitle>{t(title)}</PageTitle>
      <LoadingState label={t('common.loading')} />
    </>
  );
}
