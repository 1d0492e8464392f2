import { allocationHome } from '../allocation/allocation.home';
import { complaintsHome } from '../complaints/complaints.home';
import type { StaffDeps } from '../deps';
import { gradingHome } from '../grading/grading.home';
import { promotionsHome } from '../promotions/promotions.home';
import { retailersHome } from '../retailers/retailers.home';
import { surveysHome } from '../surveys/surveys.home';
import { visitsHome } from '../visits/visits.home';
import { adminHome } from './admin.home';
import { changeRequestsHome } from './change-approvals.home';
import type { HomeContribution } from './staff-home.types';

// Every area's contribution to the staff home, in the order the home shows them. An area joins by adding
// its `<area>.home.ts` here: one line.
export const HOME_CONTRIBUTIONS: readonly HomeContribution[] = [
  complaintsHome,
  changeRequestsHome,
  retailersHome,
  promotionsHome,
  surveysHome,
  allocationHome,
  gradingHome,
  adminHome,
  visitsHome,
];

/** The signed-in staff member's home: the areas with figures for their roles, each computed in SQL, in parallel. */
export async function getStaffHome(deps: StaffDeps) {
  const sections = await Promise.all(
    HOME_CONTRIBUTIONS.map(async (contribution) => ({
      area: contribution.area,
      title: contribution.title,
      figures: await contribution.figures(deps),
    })),
  );
  return sections.filter((section) => section.figures.length > 0);
}
