import type { Permission } from '@tobacco/auth/permissions';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { deniedArea } from '@/components/area-page';
import { getMe } from '@/trpc/server';

/** "No access" for a page of the surveys area that needs a permission the person lacks; null when they have it. */
export async function deniedWithout(permission: Permission) {
  const denied = await deniedArea('surveys');
  if (denied) return denied;
  const [{ t }, me] = await Promise.all([getI18n(), getMe()]);
  if (me.permissions.includes(permission)) return null;
  return (
    <>
      <PageTitle>{t('backoffice.nav.surveys')}</PageTitle>
      <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />
    </>
  );
}
