import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
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
