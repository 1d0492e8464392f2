import { SectionTabs, type SectionTab } from '@/components/section-tabs';

const TABS: SectionTab[] = [
  { href: '/rewards', label: 'rewards.staff.nav.rules', permission: 'rewards.read' },
  { href: '/rewards/runs', label: 'rewards.staff.nav.runs', permission: 'rewards.read' },
  { href: '/rewards/catalogue', label: 'rewards.staff.nav.catalogue', permission: 'rewards.read' },
  { href: '/rewards/redemptions', label: 'rewards.staff.nav.redemptions', permission: 'rewards.fulfil' },
];

/** The rewards area's sections, those the person's permissions open. */
export function RewardsNav({ current }: { current: string }) {
  return <SectionTabs tabs={TABS} current={current} label="rewards.staff.nav.label" />;
}
