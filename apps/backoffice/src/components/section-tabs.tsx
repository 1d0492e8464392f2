import Link from 'next/link';
import type { Permission } from '@tobacco/auth/permissions';
import type { MessageKey } from '@tobacco/i18n/messages';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { getMe } from '@/trpc/server';

export type SectionTab = { href: string; label: MessageKey; permission: Permission };

/** An area's sections as tabs, those the person's permissions open; `current` is marked for assistive technology. */
export async function SectionTabs({ tabs, current, label }: { tabs: readonly SectionTab[]; current: string; label: MessageKey }) {
  const [{ t }, me] = await Promise.all([getI18n(), getMe()]);
  return (
    <nav aria-label={t(label)} className="flex flex-wrap gap-2 border-b border-line pb-2">
      {tabs
        .filter((tab) => me.permissions.includes(tab.permission))
        .map((tab) => (
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
