import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ComingSoon, ErrorState } from '@tobacco/ui/states';
import { areaDefinition, canSeeArea, type StaffArea } from '@/navigation';
import { getMe } from '@/trpc/server';

export async function areaMetadata(area: StaffArea): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t(areaDefinition(area).label) };
}

/**
 * "No access" for someone whose permissions do not cover the area (the navigation does not offer it, but
 * an address can be typed); null when they may see it.
 */
export async function deniedArea(area: StaffArea): Promise<ReactNode> {
  const [{ t }, me] = await Promise.all([getI18n(), getMe()]);
  const definition = areaDefinition(area);
  if (canSeeArea(me.permissions, definition)) return null;
  return (
    <>
      <PageTitle>{t(definition.label)}</PageTitle>
      <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />
    </>
  );
}

/** An area that is not built yet: its title and a plain "coming soon", never made-up data. */
export async function ComingSoonArea({ area }: { area: StaffArea }) {
  const denied = await deniedArea(area);
  if (denied) return denied;
  const { t } = await getI18n();
  return (
    <>
      <PageTitle>{t(areaDefinition(area).label)}</PageTitle>
      <ComingSoon title={t('common.comingSoon')} body={t('common.comingSoonBody')} />
    </>
  );
}
