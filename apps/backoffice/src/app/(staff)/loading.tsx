import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { LoadingState } from '@tobacco/ui/states';

export default async function Loading() {
  const { t } = await getI18n();
  return <LoadingState label={t('common.loading')} />;
}
