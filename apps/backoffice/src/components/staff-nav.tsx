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
            <NavLink href={area.href} className="staff-nav-link">
              {t(area.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
