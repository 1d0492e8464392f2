import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Permission } from '@tobacco/auth/permissions';
import type { MessageKey } from '@tobacco/i18n/messages';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { getMe } from '@/trpc/server';

export async function adminMetadata(title: MessageKey): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t(title) };
}

/**
 * The frame of an administration page: its h1, a way back, and "no access" instead of the page for someone
 * whose roles lack the permission (the API refuses them too; this says so politely).
 */
export async function AdminPage({
  permission,
  title,
  description,
  back = { href: '/admin', label: 'admin.nav.admin' },
  actions,
  children,
}: {
  permission: Permission;
  title: MessageKey;
  description?: MessageKey;
  back?: { href: string; label: MessageKey } | null;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const [{ t }, me] = await Promise.all([getI18n(), getMe()]);
  const allowed = me.permissions.includes(permission);
  return (
    <div className="flex flex-col gap-5">
      {back ? (
        <p>
          <Link href={back.href} className="text-brand-700 underline-offset-2 hover:underline">
            ← {t(back.label)}
          </Link>
        </p>
      ) : null}
      <PageTitle description={description ? t(description) : undefined} actions={allowed ? actions : undefined} className="mb-0">
        {t(title)}
      </PageTitle>
      {allowed ? children : <ErrorState title={t('errors.FORBIDDEN')} message={t('common.noAccess')} />}
    </div>
  );
}
