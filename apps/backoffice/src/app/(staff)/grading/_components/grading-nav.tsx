import { SectionTabs, type SectionTab } from '@/components/section-tabs';

const TABS: SectionTab[] = [
  { href: '/grading', label: 'grading.staff.nav.runs', permission: 'grading.review' },
  { href: '/grading/appeals', label: 'grading.staff.nav.appeals', permission: 'grading.decideAppeal' },
  { href: '/grading/shares', label: 'grading.staff.nav.shares', permission: 'grading.shareTable' },
  { href: '/grading/integrity', label: 'grading.staff.nav.integrity', permission: 'retailers.read' },
];

/** The grading area's sections. */
export function GradingNav({ current }: { current: string }) {
  return <SectionTabs tabs={TABS} current={current} label="grading.staff.nav.label" />;
}
