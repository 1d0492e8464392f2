import Link from 'next/link';
import type { Permission } from '@tobacco/auth/permissions';
import type { MessageKey } from '@tobacco/i18n/messages';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { getMe } from '@/trpc/server';

const TABS: { href: string; label: MessageKey; permission: Permission }[] = [
  { href: '/grading', label: 'grading.staff.nav.runs', permission: 'grading.review' },
  { href: '/grading/appeals', label: 'grading.staff.nav.appeals', permission: 'grading.decideAppeal' },
  { href: '/grading/shares', label: 'grading.staff.nav.shares', permission: 'grading.shareTable' },
  { href: '/grading/integrity', label: 'grading.staff.nav.integrity', permission: 'retailers.read' },
];

/** The grading area's sections, those the person's permissions open. */
export async function GradingNav({ current }: { current: string }) {
  const [{ t }, me] = await Promise.all([getI18n(), getMe()]);
  return (
    <nav aria-label={t('grading.staff.nav.label')} className="flex flex-wrap gap-2 border-b border-line pb-2">
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
