import { rebuildIndexCells } from '../../packages/api/src/surveys/surveys.service';
import type { SeedContext } from './demo';

type Question = {
  key: string;
  type: 'RATING' | 'NPS' | 'SINGLE_CHOICE' | 'MULTI_CHOICE' | 'TEXT' | 'MATRIX';
  label: string;
  required: boolean;
  scaleMin?: number;
  scaleMax?: number;
  options?: { value: string; label: string }[];
  rows?: { key: string; label: string }[];
  showIf?: { mode: 'all' | 'any'; conditions: { questionKey: string; op: 'eq' | 'neq' | 'lte' | 'gte' | 'in'; value: unknown }[] };
};
type Section = { key: string; dimension: string; weight: number; title: string; questions: Question[] };

const rating = (key: string, label: string): Question => ({ key, type: 'RATING', label, required: true, scaleMin: 1, scaleMax: 5 });

/** The industry's seven service dimensions, one section each, weights summing to 1 (the shape ZSurveyDefinition checks). */
export function annualSurveyDefinition(): { sections: Section[] } {
  return {
    sections: [
      {
        key: 'supply',
        dimension: 'SUPPLY',
        weight: 0.2,
        title: '卷烟供应',
        questions: [rating('supply_match', '货源供应能满足您的经营需要'), rating('supply_fair', '货源投放公平、公开')],
      },
      {
        key: 'ordering',
        dimension: 'ORDERING',
        weight: 0.15,
        title: '订货服务',
        questions: [
          rating('order_easy', '网上订货方便快捷'),
          {
            key: 'order_channel',
            type: 'SINGLE_CHOICE',
            label: '您最常用的订货方式',
            required: true,
            options: [
              { value: 'online', label: '网上订货' },
              { value: 'phone', label: '电话订货' },
              { value: 'visit', label: '客户经理上门' },
            ],
          },
        ],
      },
      {
        key: 'delivery',
        dimension: 'DELIVERY',
        weight: 0.15,
        title: '送货服务',
        questions: [rating('delivery_time', '送货准时'), rating('delivery_attitude', '送货员服务态度')],
      },
      {
        key: 'manager',
        dimension: 'ACCOUNT_MANAGER',
        weight: 0.2,
        title: '客户经理服务',
        questions: [
          rating('am_visit', '客户经理拜访及时'),
          rating('am_help', '客户经理能帮助您提升经营'),
          {
            key: 'am_problem',
            type: 'TEXT',
            label: '请告诉我们客户经理哪些方面需要改进',
            required: false,
            showIf: { mode: 'any', conditions: [{ questionKey: 'am_help', op: 'lte', value: 2 }] },
          },
        ],
      },
      {
        key: 'settlement',
        dimension: 'SETTLEMENT',
        weight: 0.1,
        title: '货款结算',
        questions: [rating('settle_easy', '电子结算方便可靠')],
      },
      {
        key: 'complaints',
        dimension: 'COMPLAINTS',
        weight: 0.1,
        title: '投诉处理',
        questions: [rating('complaint_speed', '诉求处理及时、结果满意')],
      },
      {
        key: 'market',
        dimension: 'MARKET',
        weight: 0.1,
        title: '市场管理',
        questions: [
          rating('market_order', '专管员执法公正、规范'),
          { key: 'nps', type: 'NPS', label: '您有多大可能向同行推荐我们的服务？', required: true, scaleMin: 0, scaleMax: 10 },
          { key: 'suggestion', type: 'TEXT', label: '其他意见和建议', required: false },
        ],
      },
    ],
  };
}

const TEXTS = [
  '送货时间能再早一点就好了',
  '希望紧俏烟多投放一些',
  '客户经理很负责',
  '网上订货系统偶尔卡顿',
  '服务很好，继续保持',
  '希望增加品鉴活动',
];

/** An open annual survey (shops A and B invited, not yet answered) and a closed one from last year. */
export async function seedSurveys({ db, staff, shopA, shopB, now }: SeedContext) {
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
  const definition = annualSurveyDefinition();
  const surveys = [
    {
      title: '2026 年度零售客户满意度调查',
      state: 'OPEN' as const,
      opensAt: at(-10),
      closesAt: at(20),
      respondents: 400,
      invited: 600,
      shift: 0,
    },
    {
      title: '2025 年度零售客户满意度调查',
      state: 'CLOSED' as const,
      opensAt: at(-380),
      closesAt: at(-340),
      respondents: 450,
      invited: 600,
      shift: 1,
    },
  ];
  for (const s of surveys) {
    const survey = await db.survey.create({
      data: {
        title: s.title,
        description: '为持续改进服务，请根据您的真实感受作答。问卷约需 5 分钟，结果仅用于统计分析。',
        state: s.state,
        definition: JSON.parse(JSON.stringify(definition)) as object,
        opensAt: s.opensAt,
        closesAt: s.closesAt,
        targetKind: 'SAMPLE',
        target: { kind: 'SAMPLE', rate: 0.3, classificationCodes: [], districtIds: [], markets: [] },
        sampleRate: 0.3,
        createdById: staff.marketing!,
        approvedById: staff.manager!,
        approvedAt: new Date(s.opensAt.getTime() - 3 * 86_400_000),
      },
    });
    let position = 0;
    for (const section of definition.sections) {
      for (const q of section.questions) {
        await db.surveyQuestion.create({
          data: {
            surveyId: survey.id,
            key: q.key,
            dimension: section.dimension as never,
            weight: section.weight,
            type: q.type,
            scaleMin: q.scaleMin ?? null,
            scaleMax: q.scaleMax ?? null,
            position: position++,
          },
        });
      }
    }
    // Invitations: shops A and B plus a deterministic spread of others; the first `respondents` of the others answered.
    await db.$executeRawUnsafe(`
      INSERT INTO "SurveyInvitation" ("surveyId", "retailerId", stratum, "invitedAt")
      SELECT ${survey.id}, r.id, r.market || '-' || r."sizeClass" || '-' || r."businessForm" || '-' || (CASE WHEN r.grade IS NULL THEN 0 ELSE (r.grade + 9) / 10 END), '${s.opensAt.toISOString()}'::timestamptz
      FROM "Retailer" r
      WHERE r.id IN (${shopA}, ${shopB}) OR r.id IN (
        SELECT id FROM "Retailer" WHERE id NOT IN (${shopA}, ${shopB}) ORDER BY abs(hashtext(id || ':survey${s.shift}')) LIMIT ${s.invited - 2})`);
    // Each response keeps who the shop was when it answered (district, market, form, grade band, account manager).
    await db.$executeRawUnsafe(`
      INSERT INTO "SurveyResponse" ("surveyId", "retailerId", state, channel, answers, "startedAt", "submittedAt", "updatedAt",
        "districtId", market, "businessForm", "gradeBand", "accountManagerId")
      SELECT ${survey.id}, i."retailerId", 'SUBMITTED',
        (CASE abs(hashtext(i."retailerId" || ':c')) % 8 WHEN 0 THEN 'PHONE' WHEN 1 THEN 'VISIT' ELSE 'PORTAL' END)::"ResponseChannel",
        '{}'::jsonb, i."invitedAt" + interval '1 day', i."invitedAt" + interval '2 days', i."invitedAt" + interval '2 days',
        r."districtId", r.market, r."businessForm", CASE WHEN r.grade IS NULL THEN 0 ELSE (r.grade + 9) / 10 END, r."accountManagerId"
      FROM "SurveyInvitation" i JOIN "Retailer" r ON r.id = i."retailerId"
      WHERE i."surveyId" = ${survey.id} AND i."retailerId" NOT IN (${shopA}, ${shopB})
      ORDER BY abs(hashtext(i."retailerId" || ':r${s.shift}')) LIMIT ${s.respondents}`);
    // Ratings lean positive, lower in rural markets and for delivery; NPS on 0–10; a few texts.
    await db.$executeRawUnsafe(`
      INSERT INTO "SurveyAnswer" ("responseId", "questionId", "numericValue", choices, text)
      SELECT resp.id, q.id,
        CASE WHEN q.type = 'RATING' THEN least(5, greatest(1, 3 + (abs(hashtext(resp.id || ':' || q.id)) % 100) / 40
              - CASE WHEN r.market = 'X' AND abs(hashtext(resp.id || 'm' || q.id)) % 3 = 0 THEN 1 ELSE 0 END
              - CASE WHEN q.dimension = 'DELIVERY' AND abs(hashtext(resp.id || 'd')) % 4 = 0 THEN 1 ELSE 0 END + ${s.shift} * 0))
             WHEN q.type = 'NPS' THEN least(10, 5 + abs(hashtext(resp.id || ':nps')) % 6)
        END,
        CASE WHEN q.type = 'SINGLE_CHOICE' THEN ARRAY[(ARRAY['online', 'online', 'phone', 'visit'])[1 + abs(hashtext(resp.id || ':ch')) % 4]] ELSE ARRAY[]::text[] END,
        CASE WHEN q.type = 'TEXT' THEN (ARRAY[${TEXTS.map((t) => `'${t}'`).join(', ')}])[1 + abs(hashtext(resp.id || ':t' || q.id)) % ${TEXTS.length}] END
      FROM "SurveyResponse" resp
      JOIN "Retailer" r ON r.id = resp."retailerId"
      JOIN "SurveyQuestion" q ON q."surveyId" = resp."surveyId"
      WHERE resp."surveyId" = ${survey.id}
        AND (q.type <> 'TEXT' OR abs(hashtext(resp.id || ':has' || q.id)) % 4 = 0)
        AND NOT (q.key = 'am_problem')`);
    await db.$executeRawUnsafe(`
      UPDATE "SurveyResponse" resp SET answers = t.answers
      FROM (
        SELECT a."responseId", jsonb_object_agg(q.key, coalesce(to_jsonb(a."numericValue"), CASE WHEN q.type = 'TEXT' THEN to_jsonb(a.text) ELSE to_jsonb(a.choices[1]) END)) AS answers
        FROM "SurveyAnswer" a JOIN "SurveyQuestion" q ON q.id = a."questionId" GROUP BY a."responseId") t
      WHERE t."responseId" = resp.id AND resp."surveyId" = ${survey.id}`);
    // The running totals the index screens read, built from the answers just loaded.
    await rebuildIndexCells(db, survey.id);
  }
}
