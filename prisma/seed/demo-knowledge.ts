import type { StaffActor } from '../../packages/api/src/actor';
import { createArticle, publishArticle } from '../../packages/api/src/knowledge/knowledge.service';
import type { TCreateArticleInput } from '../../packages/api/src/knowledge/knowledge.schema';
import type { SeedContext } from './demo';

// The demo knowledge base: the questions retailers ask the call centre most, written by an agent and
// published by a manager through the knowledge base's own service (sanitised, with their search text).
type Seeded = Omit<TCreateArticleInput, 'departmentId'> & { department: string; publish: boolean };

const ARTICLES: Seeded[] = [
  {
    category: 'INVOICE',
    audience: 'BOTH',
    department: 'FINANCE',
    tags: ['发票', '开票', '增值税', 'invoice'],
    titleZh: '如何申请开具增值税发票',
    titleEn: 'How to request a VAT invoice',
    bodyZh:
      '<p>每月货款结算完成后，您可以申请开具上月的增值税发票：</p><ol><li>在“订单”页查看上月已结算的订单；</li><li>拨打 12313 或联系客户经理，说明发票类型（普通发票或专用发票）；</li><li>发票抬头须与烟草专卖零售许可证上的名称一致，专用发票还需提供纳税人识别号。</li></ol><p>发票一般在申请后 5 个工作日内随下一次送货送达。</p>',
    bodyEn:
      '<p>Once a month’s payments are settled you can request that month’s VAT invoice:</p><ol><li>Check last month’s settled orders on the Orders page.</li><li>Call 12313 or your account manager and say which invoice you need (ordinary or special).</li><li>The invoice title must match the name on your retail licence; a special invoice also needs your taxpayer number.</li></ol><p>The invoice normally arrives with a delivery within 5 working days.</p>',
    publish: true,
  },
  {
    category: 'ORDERING',
    audience: 'RETAILERS',
    department: 'MARKETING_CENTRE',
    tags: ['订货', '订货日', '下单'],
    titleZh: '网上订货的时间和步骤',
    titleEn: 'When and how to order online',
    bodyZh:
      '<p>网上订货窗口默认从每周六中午 12:00 开始，到您的订货日前一天 23:59 结束。</p><ul><li>在“货源”页查看本周每个规格的限量和剩余可订量；</li><li>订货日遇节假日顺延到下一个工作日，页面会显示顺延后的日期；</li><li>送货一般在订货日后第 2 个工作日。</li></ul>',
    bodyEn:
      '<p>The online order window opens on Saturday at 12:00 and closes at 23:59 the day before your order day.</p><ul><li>See each product’s limit and what remains on the Supply page.</li><li>An order day on a public holiday moves to the next working day; the page shows the new date.</li><li>Delivery is normally on the second working day after the order day.</li></ul>',
    publish: true,
  },
  {
    category: 'ACCOUNT',
    audience: 'BOTH',
    department: 'SERVICE_CENTRE',
    tags: ['密码', '登录', '忘记密码'],
    titleZh: '忘记密码或无法登录怎么办',
    titleEn: 'Forgot your password or cannot sign in',
    bodyZh:
      '<p>请用 12 位许可证号和密码登录。连续输错多次后账号会暂时锁定，请 15 分钟后再试。</p><p>忘记密码时，请联系您的客户经理或拨打 12313 重置密码；重置后首次登录需要设置新密码。</p>',
    bodyEn:
      '<p>Sign in with your 12-digit licence number and password. After several wrong attempts the account is locked for a while; try again in 15 minutes.</p><p>If you forgot your password, ask your account manager or call 12313 to reset it; you set a new one at your next sign-in.</p>',
    publish: true,
  },
  {
    category: 'DELIVERY',
    audience: 'RETAILERS',
    department: 'LOGISTICS',
    tags: ['送货', '配送'],
    titleZh: '送货时间和到货验收',
    titleEn: 'Delivery times and checking a delivery',
    bodyZh:
      '<p>送货员会在送货前电话联系您。到货时请当面清点条数和规格，有破损或短少请当场说明并拍照。</p><p>送货明显晚于约定时间时，可以在“我的诉求”中提交投诉。</p>',
    bodyEn:
      '<p>The driver calls before delivering. Count the cartons and check the products on delivery; report damage or shortages on the spot, with a photo.</p><p>If a delivery is much later than agreed, file a complaint under My cases.</p>',
    publish: true,
  },
  {
    category: 'GRADE',
    audience: 'RETAILERS',
    department: 'MARKETING_CENTRE',
    tags: ['档位', '限量'],
    titleZh: '档位是怎么确定的',
    titleEn: 'How your grade is set',
    bodyZh:
      '<p>档位每个季度根据完整订货周期的订货量、订货金额和订购规格数重新计算，下个季度生效。在“我的档位”页可以看到各项得分和下次调整的时间；对结果有疑问可以申请档位复核。</p>',
    bodyEn:
      '<p>Your grade is recomputed each quarter from the complete order cycles’ volume, amount and number of products, and takes effect the next quarter. The My grade page shows each score and the next regrade; you can ask for a review.</p>',
    publish: true,
  },
  {
    category: 'INVOICE',
    audience: 'STAFF',
    department: 'FINANCE',
    tags: ['发票', '红冲'],
    titleZh: '内部：发票开错后的红冲流程',
    titleEn: 'Internal: reversing a wrongly issued invoice',
    bodyZh: '<p>仅限财务结算部处理：核对原发票后在开票系统中开具红字发票，再重新开具正确发票，并在工单中备注原发票号码。</p>',
    bodyEn:
      '<p>Finance only: check the original invoice, issue a red-letter reversal in the invoicing system, issue the correct invoice and note the original number on the case.</p>',
    publish: true,
  },
  {
    category: 'POLICY',
    audience: 'RETAILERS',
    department: 'MONOPOLY',
    tags: ['明码标价'],
    titleZh: '明码标价的要求（草稿）',
    titleEn: 'Price labelling rules (draft)',
    bodyZh: '<p>所有在售卷烟须明码标价，价签与实际售价一致。</p>',
    bodyEn: '<p>Every cigarette on sale must carry a price label that matches the price charged.</p>',
    publish: false,
  },
];

export async function seedKnowledge({ db, staff, departments, now }: SeedContext) {
  const actorOf = (userId: number, roles: StaffActor['roles']): StaffActor => ({
    kind: 'staff',
    userId,
    roles,
    districtId: null,
    departmentId: null,
  });
  const writer = { db, actor: actorOf(staff.agent!, ['SERVICE_AGENT']), clock: () => now };
  const publisher = { db, actor: actorOf(staff.manager!, ['MANAGER']), clock: () => now };
  for (const { department, publish, ...fields } of ARTICLES) {
    const created = await createArticle(writer, { ...fields, tags: fields.tags ?? [], departmentId: departments[department]! });
    if (publish) await publishArticle(publisher, created);
  }
}
