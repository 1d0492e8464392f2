// Messages of the weekly cycle running by itself (current cycle, carry-forward). zh-CN is the source; en must have every key.
export const datainZh = {
  'allocation.carried.badge': '沿用上期',
  'allocation.carried.detail': '本周期未按时发布投放策略，沿用 {cycle} 的投放策略（第 {version} 版）。',
  'allocation.carried.noticeTitle': '{cycle} 投放策略未按时发布，已沿用上期',
  'allocation.carried.noticeBody': '{cycle} 到发布时间仍没有已发布的投放策略，系统已沿用 {from} 的策略（第 {version} 版）。如需调整，请新建版本并审批发布。',
  'allocation.notPublishedUntil': '该周期的投放策略将于 {at} 发布，请届时再来查看。',
  'allocation.staff.currentCycle': '当前周期',
  'allocation.staff.nextCycle': '下周期',
} as const;

export type DatainKey = keyof typeof datainZh;

export const datainEn: Record<DatainKey, string> = {
  'allocation.carried.badge': 'Carried forward',
  'allocation.carried.detail': 'No policy was published for this cycle in time: the policy of {cycle} (version {version}) carries forward.',
  'allocation.carried.noticeTitle': '{cycle}: allocation policy not published in time, carried forward',
  'allocation.carried.noticeBody': 'By its publish time {cycle} had no published allocation policy, so the policy of {from} (version {version}) was carried forward. To change it, create a version and have it approved and published.',
  'allocation.notPublishedUntil': 'This cycle’s allocation policy will be published at {at}; please check back then.',
  'allocation.staff.currentCycle': 'Current cycle',
  'allocation.staff.nextCycle': 'Next cycle',
};
