import type { Translate } from '@tobacco/i18n/translator';
import { NavLink } from '@tobacco/ui/nav-link';
import { visibleAreas } from '@/navigation';

/** The side navigation: only the areas the user's permissions allow. */
export function StaffNav({ permissions, t }: { permissions: readonly string[]; t: Translate }) {
  return (
    <nav aria-label={t('backoffice.nav.label')}>
      <ul className="flex flex-col gap-1">
        {visibleAreas(permissions).map((area) => (
          <li key={area.href}>
            <NavLink
              href={area.href}
              className="flex min-h-11 items-center rounded-lg border-l-4 border-transparent px-3 text-ink no-underline hover:bg-brand-50 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
            >
              {t(area.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
