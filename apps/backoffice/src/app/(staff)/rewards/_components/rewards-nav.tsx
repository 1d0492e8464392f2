import Link from 'next/link';
import type { Permission } from '@tobacco/auth/permissions';
import type { MessageKey } from '@tobacco/i18n/messages';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { getMe } from '@/trpc/server';

const TABS: { href: string; label: MessageKey; permission: Permission }[] = [
  { href: '/rewards', label: 'rewards.staff.nav.rules', permission: 'rewards.read' },
  { href: '/rewards/runs', label: 'rewards.staff.nav.runs', permission: 'rewards.read' },
  { href: '/rewards/catalogue', label: 'rewards.staff.nav.catalogue', permission: 'rewards.read' },
  { href: '/rewards/redemptions', label: 'rewards.staff.nav.redemptions', permission: 'rewards.fulfil' },
];

/** The rewards area's sections, those the person's permissions open. */
export async function RewardsNav({ current }: { current: string }) {
  const [{ t }, me] = await Promise.all([getI18n(), getMe()]);
  return (
    <nav aria-label={t('rewards.staff.nav.label')} className="flex flex-wrap gap-2 border-b border-line pb-2">
      {TABS.filter((tab) => me.permissions.includes(tab.permission)).map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? 'page' : undefined}
          className={`rounded-lg px-4 py-2 font-semibold no-underline ${tab.href === current ? 'bg-brand-700 text-white' : 'text-brand-800 hover:bg-brand-50'}`}
        >
          {t(tab.label)}
        </Link>
      ))}
    </nav>
  );
}
