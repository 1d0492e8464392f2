// Messages of the grading process in the back office (runs, publishing, integrity, appeals) and the
// notices it sends. zh-CN is the source; en must have every key.
export const gradingStaffZh = {
  'grading.errors.periodNotEnded': '评定周期 {code} 尚未结束或不存在，不能评定。',
  'grading.errors.cyclesOpen': '该周期还有 {count} 个订货周期未结束，全部结束后才能评定。',
  'grading.errors.runComputing': '已有一次档位评定正在计算，请等它完成后再开始。',
  'grading.errors.draftExists': '该周期已有一份待审核的评定草稿，请先发布或作废它。',
  'grading.errors.correctionNeedsReason': '该周期的档位已发布，重新评定属于更正，请填写原因。',
  'grading.errors.reasonTooLong': '原因不能超过 500 字',
  'grading.errors.notDraft': '只有待审核的评定草稿可以发布或作废。',
  'grading.errors.selfApproval': '评定须由发起人以外的另一位经理审核发布。',
  'grading.notify.publishedTitle': '{code} 档位评定结果已发布',
  'grading.notify.publishedBody': '您在 {code} 评定周期的档位已发布，自 {date} 起执行。请在“我的档位”查看得分明细。',
} as const;

export type GradingStaffKey = keyof typeof gradingStaffZh;

export const gradingStaffEn: Record<GradingStaffKey, string> = {
  'grading.errors.periodNotEnded': 'Grading period {code} has not ended or does not exist.',
  'grading.errors.cyclesOpen': '{count} order cycles of this period have not closed yet; grade it once they all have.',
  'grading.errors.runComputing': 'A grading run is computing. Start another once it has finished.',
  'grading.errors.draftExists': 'This period already has a draft run waiting for review. Publish or discard it first.',
  'grading.errors.correctionNeedsReason': 'This period has been published: a new run is a correction and needs a reason.',
  'grading.errors.reasonTooLong': 'The reason can be at most 500 characters',
  'grading.errors.notDraft': 'Only a draft run can be published or discarded.',
  'grading.errors.selfApproval': 'A run must be approved by a manager other than the one who started it.',
  'grading.notify.publishedTitle': 'Grades of {code} published',
  'grading.notify.publishedBody': 'Your grade for period {code} has been published and is in force from {date}. See "My grade" for the score.',
};
