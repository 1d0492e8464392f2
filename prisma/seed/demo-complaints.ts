import type { CaseKind, CaseState, ComplaintEventType, ServiceDimension } from '../../packages/db/src/generated/prisma/enums';
import { loadSla } from '../../packages/api/src/complaints/complaints.case';
import { addWorkingTime, followUpDueAt, slaDeadlines } from '../../packages/api/src/complaints/complaints.sla.rules';
import type { SeedContext } from './demo';

const CATEGORIES: { code: string; name: string; nameEn: string; dimension: ServiceDimension; department: string }[] = [
  { code: 'SUPPLY', name: '卷烟供应', nameEn: 'Cigarette supply', dimension: 'SUPPLY', department: 'MARKETING_CENTRE' },
  { code: 'ORDERING', name: '订货服务', nameEn: 'Ordering', dimension: 'ORDERING', department: 'MARKETING_CENTRE' },
  { code: 'DELIVERY', name: '送货服务', nameEn: 'Delivery', dimension: 'DELIVERY', department: 'LOGISTICS' },
  {
    code: 'ACCOUNT_MANAGER',
    name: '客户经理服务',
    nameEn: 'Account manager service',
    dimension: 'ACCOUNT_MANAGER',
    department: 'MARKETING_CENTRE',
  },
  { code: 'SETTLEMENT', name: '货款结算', nameEn: 'Payment and settlement', dimension: 'SETTLEMENT', department: 'FINANCE' },
  { code: 'COMPLAINTS', name: '投诉处理', nameEn: 'Complaint handling', dimension: 'COMPLAINTS', department: 'SERVICE_CENTRE' },
  { code: 'MARKET', name: '市场管理/专管员', nameEn: 'Market supervision', dimension: 'MARKET', department: 'MONOPOLY' },
  { code: 'OTHER', name: '其他', nameEn: 'Other', dimension: 'OTHER', department: 'SERVICE_CENTRE' },
];

const SUBJECTS: Record<string, [string, string][]> = {
  SUPPLY: [
    ['紧俏烟投放量太少', '中华(软)连续三周限量 1 条，周边客户反映不够卖。'],
    ['申请增加利群阳光投放', '本店利群阳光销售较好，希望适当增加限量。'],
  ],
  ORDERING: [
    ['网上订货页面打不开', '周六下午订货时页面一直转圈，打不开。'],
    ['订货日能否调整', '店里周三进货不方便，想改到周四。'],
  ],
  DELIVERY: [
    ['送货延迟', '本周送货比平时晚了两个多小时，影响营业。'],
    ['送货少了一条', '签收时发现玉溪(软)少了一条。'],
  ],
  ACCOUNT_MANAGER: [
    ['客户经理很久没来', '已经两个月没有看到客户经理上门了。'],
    ['表扬客户经理', '客户经理帮助我们调整陈列，销量提升明显。'],
  ],
  SETTLEMENT: [
    ['扣款失败', '银行卡余额充足，但电子结算扣款失败。'],
    ['发票开具咨询', '请问怎样申请开具增值税发票？'],
  ],
  COMPLAINTS: [['上次投诉没人回复', '上个月反映的问题至今没有答复。']],
  MARKET: [
    ['举报无证销售', '某路口的小店没有许可证却在卖烟。'],
    ['价签规范咨询', '新的明码标价要求是什么？'],
  ],
  OTHER: [['建议增加培训', '希望多组织一些经营培训。']],
};

const KIND_FOR: Record<string, CaseKind> = {
  举报无证销售: 'REPORT',
  发票开具咨询: 'QUESTION',
  价签规范咨询: 'QUESTION',
  订货日能否调整: 'QUESTION',
  建议增加培训: 'SUGGESTION',
  申请增加利群阳光投放: 'SUGGESTION',
  表扬客户经理: 'SUGGESTION',
};

const STATES: CaseState[] = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_RETAILER', 'RESOLVED', 'CLOSED'];

/** Categories routed to their owning departments, and about 40 cases in every state with a plausible timeline. */
export async function seedComplaints({ db, random, staff, shopA, shopB, departments, now }: SeedContext) {
  const categories = [];
  for (const c of CATEGORIES) {
    categories.push(
      await db.complaintCategory.create({
        data: {
          code: c.code,
          name: c.name,
          nameEn: c.nameEn,
          dimension: c.dimension,
          departmentId: departments[c.department]!,
          ...(c.code === 'MARKET' ? { acceptSlaDays: 0.5 } : {}),
        },
      }),
    );
  }
  const others = await db.retailer.findMany({
    where: { id: { notIn: [shopA, shopB] } },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: 400,
  });
  const hour = 3_600_000;
  // Deadlines and handling times come from the product's own working-time rules on the seeded calendar.
  const sla = await loadSla(db, now);
  const workingHoursAfter = (from: Date, hours: number) => addWorkingTime(from, hours * hour, sla.calendar, sla.hours);
  for (let i = 0; i < 40; i += 1) {
    const category = i === 0 ? categories[2]! : i === 1 ? categories[0]! : i === 2 ? categories[1]! : random.pick(categories);
    const [subject, description] = random.pick(SUBJECTS[category.code]!);
    const kind: CaseKind = KIND_FOR[subject] ?? 'COMPLAINT';
    const state: CaseState = i === 0 ? 'RESOLVED' : i === 1 ? 'CLOSED' : i === 2 ? 'ACCEPTED' : STATES[i % STATES.length]!;
    const retailerId = i === 0 || i === 1 ? shopA : i === 2 ? shopB : random.pick(others).id;
    const reached = STATES.indexOf(state);
    // Handling steps in working hours after filing (accepted 2, started 4, waiting 6, resolved 20,
    // closed 29); a case is filed far enough back that its last step has already happened.
    const lastStep = [0, 2, 4, 6, 20, 29][reached]!;
    let createdAt = new Date(now.getTime() - (i === 2 ? 5 : random.int(8, 600)) * hour);
    while (workingHoursAfter(createdAt, lastStep) > now) createdAt = new Date(createdAt.getTime() - 24 * hour);
    const filedByPhone = random.chance(0.3);
    const owner = reached >= 1 ? staff.agent! : null;
    const stepAt = (workingHours: number) => workingHoursAfter(createdAt, workingHours);
    const acceptedAt = reached >= 1 ? stepAt(2) : null;
    const resolvedAt = reached >= 4 ? stepAt(20) : null;
    const closedAt = reached >= 5 ? stepAt(29) : null;
    const { acceptDueAt, resolveDueAt } = slaDeadlines(
      { kind, filedAt: createdAt, settings: sla.settings, categoryOverride: category },
      sla.calendar,
    );
    const complaint = await db.complaint.create({
      data: {
        caseNo: `TS${createdAt.toISOString().slice(0, 10).replace(/-/g, '')}${String(i + 1).padStart(3, '0')}`,
        retailerId,
        kind,
        categoryId: category.id,
        departmentId: category.departmentId,
        ownerId: owner,
        channel: filedByPhone ? 'PHONE' : 'PORTAL',
        filedById: filedByPhone ? staff.agent! : null,
        state,
        subject,
        description,
        acceptDueAt,
        resolveDueAt,
        acceptedAt,
        resolvedAt,
        closedAt,
        followUpDueAt: resolvedAt ? followUpDueAt(resolvedAt, sla.calendar, sla.hours) : null,
        pausedAt: state === 'WAITING_RETAILER' ? stepAt(6) : null,
        rating: closedAt ? random.int(3, 5) : null,
        ratingComment: closedAt ? '处理及时，满意' : null,
        createdAt,
      },
    });
    const events: {
      type: ComplaintEventType;
      visibility: 'PUBLIC' | 'INTERNAL';
      body?: string;
      messageKey?: string;
      from?: CaseState;
      to?: CaseState;
      hours: number;
      staffId?: number;
    }[] = [{ type: 'FILED', visibility: 'PUBLIC', to: 'SUBMITTED', hours: 0, staffId: filedByPhone ? staff.agent! : undefined }];
    if (reached >= 1)
      events.push({
        type: 'ACCEPTED',
        visibility: 'PUBLIC',
        from: 'SUBMITTED',
        to: 'ACCEPTED',
        hours: 2,
        staffId: staff.agent!,
        messageKey: 'complaints.event.acceptedDefault',
      });
    if (reached >= 2) {
      events.push({ type: 'INTERNAL_NOTE', visibility: 'INTERNAL', body: '已转相关部门核实，注意回访。', hours: 3, staffId: staff.agent! });
      events.push({ type: 'STARTED', visibility: 'PUBLIC', from: 'ACCEPTED', to: 'IN_PROGRESS', hours: 4, staffId: staff.agent! });
    }
    if (reached === 3)
      events.push({
        type: 'INFO_REQUESTED',
        visibility: 'PUBLIC',
        from: 'IN_PROGRESS',
        to: 'WAITING_RETAILER',
        hours: 6,
        staffId: staff.agent!,
        body: '请补充送货单照片，便于核实。',
      });
    if (reached >= 4) {
      events.push({ type: 'REPLY', visibility: 'PUBLIC', body: '经核实，问题已处理，感谢您的反馈。', hours: 19, staffId: staff.agent! });
      events.push({ type: 'RESOLVED', visibility: 'PUBLIC', from: 'IN_PROGRESS', to: 'RESOLVED', hours: 20, staffId: staff.agent! });
    }
    if (reached >= 5)
      events.push({ type: 'CLOSED', visibility: 'PUBLIC', from: 'RESOLVED', to: 'CLOSED', hours: 29, body: '处理及时，满意' });
    await db.complaintEvent.createMany({
      data: events.map((e) => ({
        complaintId: complaint.id,
        type: e.type,
        visibility: e.visibility,
        body: e.body ?? (e.type === 'FILED' ? description : null),
        messageKey: e.messageKey ?? null,
        fromState: e.from ?? null,
        toState: e.to ?? null,
        actorStaffId: e.staffId ?? null,
        createdAt: e.hours === 0 ? createdAt : stepAt(e.hours),
      })),
    });
  }
}
