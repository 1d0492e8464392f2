import { describe, expect, it } from 'vitest';
import {
  acceptsAnswers,
  allocateSample,
  chinaMonthStart,
  classifyQuadrants,
  computeIndex,
  computeNps,
  evaluateCondition,
  evaluateShowIf,
  gradeBandOf,
  nextState,
  normaliseAnswers,
  pearson,
  scaleRating,
  validateAnswers,
  validateDefinition,
  visibleAnswers,
  type IndexQuestion,
} from './surveys.rules';
import { annualSurveyDefinition } from '../../../../prisma/seed/demo-surveys';
import { ZSurveyDefinition, ZTarget, type TSurveyDefinition } from './surveys.schema';

const rating = (key: string, extra: object = {}) => ({
  key,
  type: 'RATING' as const,
  label: key,
  required: true,
  scaleMin: 1,
  scaleMax: 5,
  ...extra,
});

function definition(): TSurveyDefinition {
  return {
    sections: [
      {
        key: 'supply',
        dimension: 'SUPPLY',
        weight: 0.6,
        title: '卷烟供应',
        questions: [
          rating('s1'),
          {
            key: 'channel',
            type: 'SINGLE_CHOICE',
            label: '方式',
            required: true,
            options: [
              { value: 'online', label: '网上' },
              { value: 'phone', label: '电话' },
            ],
          },
          {
            key: 'why',
            type: 'TEXT',
            label: '原因',
            required: true,
            showIf: { mode: 'any', conditions: [{ questionKey: 's1', op: 'lte', value: 2 }] },
          },
        ],
      },
      {
        key: 'delivery',
        dimension: 'DELIVERY',
        weight: 0.4,
        title: '送货服务',
        questions: [
          {
            key: 'd_matrix',
            type: 'MATRIX',
            label: '送货',
            required: true,
            scaleMin: 1,
            scaleMax: 10,
            rows: [
              { key: 'time', label: '准时' },
              { key: 'care', label: '态度' },
            ],
          },
          { key: 'nps', type: 'NPS', label: '推荐', required: false },
          {
            key: 'phone_only',
            type: 'MULTI_CHOICE',
            label: '多选',
            required: true,
            options: [
              { value: 'a', label: 'A' },
              { value: 'b', label: 'B' },
            ],
            showIf: {
              mode: 'all',
              conditions: [
                { questionKey: 'channel', op: 'eq', value: 'phone' },
                { questionKey: 'nps', op: 'gte', value: 9 },
              ],
            },
          },
        ],
      },
    ],
  };
}

describe('definition validation', () => {
  it('accepts a sound definition, including the demo seed’s', () => {
    expect(validateDefinition(definition())).toEqual([]);
    expect(ZSurveyDefinition.safeParse(definition()).success).toBe(true);
    expect(ZSurveyDefinition.safeParse(annualSurveyDefinition()).error?.issues ?? []).toEqual([]);
    expect(ZTarget.safeParse({ kind: 'SAMPLE', rate: 0.3, classificationCodes: [], districtIds: [], markets: [] }).success).toBe(true);
  });

  it('names each problem with its path', () => {
    const d = definition();
    d.sections[1]!.dimension = 'SUPPLY';
    d.sections[1]!.questions[0]!.key = 's1';
    d.sections[0]!.questions[0]!.scaleMax = 2;
    d.sections[0]!.questions[1]!.options = [{ value: 'x', label: 'X' }];
    d.sections[0]!.questions[2]!.showIf = { mode: 'all', conditions: [{ questionKey: 'nps', op: 'lte', value: 3 }] };
    const codes = validateDefinition(d).map((i) => `${i.path.join('.')}:${i.code}`);
    expect(codes).toEqual([
      'sections.0.questions.0.scaleMax:badScale',
      'sections.0.questions.1.options:needsOptions',
      'sections.0.questions.2.showIf.conditions.0.questionKey:conditionNotEarlier',
      'sections.1.dimension:duplicateDimension',
      'sections.1.questions.0.key:duplicateQuestionKey',
      // the condition on "channel" asks for a value its remaining option no longer offers
      'sections.1.questions.2.showIf.conditions.0.value:conditionBadValue',
    ]);
  });

  it('refuses conditions with values the question cannot have', () => {
    const d = definition();
    d.sections[0]!.questions[2]!.showIf = { mode: 'any', conditions: [{ questionKey: 'channel', op: 'eq', value: 'fax' }] };
    expect(validateDefinition(d).map((i) => i.code)).toEqual(['conditionBadValue']);
    d.sections[0]!.questions[2]!.showIf = { mode: 'any', conditions: [{ questionKey: 'channel', op: 'lte', value: 2 }] };
    expect(validateDefinition(d).map((i) => i.code)).toEqual(['conditionBadOp']);
    d.sections[0]!.questions[2]!.showIf = { mode: 'any', conditions: [{ questionKey: 'ghost', op: 'eq', value: 1 }] };
    expect(validateDefinition(d).map((i) => i.code)).toEqual(['conditionUnknownQuestion']);
  });

  it('needs a weighted rating somewhere, or there is no index', () => {
    const d = definition();
    d.sections.forEach((s) => (s.weight = 0));
    expect(validateDefinition(d).map((i) => i.code)).toEqual(['noWeight']);
  });

  it('gives zod issues whose messages are translation keys', () => {
    const result = ZSurveyDefinition.safeParse({ sections: [{ key: 'BAD KEY', dimension: 'NOPE', weight: 1, title: '', questions: [] }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.some((i) => i.message === 'surveys.validation.key')).toBe(true);
  });
});

describe('conditions', () => {
  it('compares numbers, choices and lists', () => {
    expect(evaluateCondition({ questionKey: 'x', op: 'lte', value: 2 }, 2)).toBe(true);
    expect(evaluateCondition({ questionKey: 'x', op: 'lte', value: 2 }, 3)).toBe(false);
    expect(evaluateCondition({ questionKey: 'x', op: 'gte', value: 9 }, 10)).toBe(true);
    expect(evaluateCondition({ questionKey: 'x', op: 'eq', value: 'phone' }, 'phone')).toBe(true);
    expect(evaluateCondition({ questionKey: 'x', op: 'neq', value: 'phone' }, 'online')).toBe(true);
    expect(evaluateCondition({ questionKey: 'x', op: 'eq', value: 'a' }, ['b', 'a'])).toBe(true);
    expect(evaluateCondition({ questionKey: 'x', op: 'in', value: ['a', 'c'] }, ['b'])).toBe(false);
    expect(evaluateCondition({ questionKey: 'x', op: 'in', value: [1, 2] }, 2)).toBe(true);
    expect(evaluateCondition({ questionKey: 'x', op: 'lte', value: 2 }, 'two')).toBe(false);
  });

  it('treats an unanswered question as meeting no condition, not even neq', () => {
    expect(evaluateCondition({ questionKey: 'x', op: 'neq', value: 5 }, undefined)).toBe(false);
    expect(evaluateCondition({ questionKey: 'x', op: 'neq', value: 'a' }, [])).toBe(false);
  });

  it('combines with all or any', () => {
    const showIf = {
      mode: 'all' as const,
      conditions: [
        { questionKey: 'a', op: 'eq' as const, value: 1 },
        { questionKey: 'b', op: 'eq' as const, value: 2 },
      ],
    };
    expect(evaluateShowIf(showIf, { a: 1, b: 2 })).toBe(true);
    expect(evaluateShowIf(showIf, { a: 1, b: 3 })).toBe(false);
    expect(evaluateShowIf({ ...showIf, mode: 'any' }, { a: 1, b: 3 })).toBe(true);
    expect(evaluateShowIf(undefined, {})).toBe(true);
  });

  it('drops answers to hidden questions, and conditions that hang on them', () => {
    const { visible, answers } = visibleAnswers(definition(), { s1: 4, why: 'stale', channel: 'phone', nps: 10, phone_only: ['a'] });
    expect(visible.has('why')).toBe(false);
    expect(answers).toEqual({ s1: 4, channel: 'phone', nps: 10, phone_only: ['a'] });
    const again = visibleAnswers(definition(), { s1: 4, channel: 'online', nps: 10, phone_only: ['a'] });
    expect(again.answers.phone_only).toBeUndefined();
  });
});

describe('answer validation', () => {
  const full = { s1: 1, channel: 'phone', why: '太慢', d_matrix: { time: 7, care: 10 }, nps: 9, phone_only: ['b'] };

  it('accepts a complete submission and trims text', () => {
    const result = validateAnswers(definition(), { ...full, why: '  太慢 ' });
    expect(result.issues).toEqual([]);
    expect(result.answers.why).toBe('太慢');
  });

  it('requires a shown conditional question, and not a hidden one', () => {
    expect(validateAnswers(definition(), { ...full, why: undefined } as never).issues).toEqual([{ questionKey: 'why', code: 'required' }]);
    expect(validateAnswers(definition(), { ...full, s1: 5, why: undefined } as never).issues).toEqual([]);
  });

  it('needs every row of a required matrix and values in range', () => {
    expect(validateAnswers(definition(), { ...full, d_matrix: { time: 7 } }).issues).toEqual([
      { questionKey: 'd_matrix', code: 'required' },
    ]);
    expect(validateAnswers(definition(), { ...full, d_matrix: { time: 7, care: 11 } }).issues).toEqual([
      { questionKey: 'd_matrix', code: 'invalid' },
    ]);
    expect(validateAnswers(definition(), { ...full, s1: 6 }).issues).toEqual([{ questionKey: 's1', code: 'invalid' }]);
    expect(validateAnswers(definition(), { ...full, channel: 'fax' }).issues[0]).toEqual({ questionKey: 'channel', code: 'invalid' });
    expect(validateAnswers(definition(), { ...full, phone_only: ['b', 'b'] }).issues).toEqual([
      { questionKey: 'phone_only', code: 'invalid' },
    ]);
  });

  it('normalises into one row per question and per matrix row', () => {
    const rows = normaliseAnswers(definition(), validateAnswers(definition(), full).answers);
    expect(rows).toEqual([
      { questionKey: 's1', rowKey: '', numericValue: 1, choices: [], text: null },
      { questionKey: 'channel', rowKey: '', numericValue: null, choices: ['phone'], text: null },
      { questionKey: 'why', rowKey: '', numericValue: null, choices: [], text: '太慢' },
      { questionKey: 'd_matrix', rowKey: 'time', numericValue: 7, choices: [], text: null },
      { questionKey: 'd_matrix', rowKey: 'care', numericValue: 10, choices: [], text: null },
      { questionKey: 'nps', rowKey: '', numericValue: 9, choices: [], text: null },
      { questionKey: 'phone_only', rowKey: '', numericValue: null, choices: ['b'], text: null },
    ]);
  });
});

describe('satisfaction index', () => {
  const questions: IndexQuestion[] = [
    { id: 1, dimension: 'SUPPLY', weight: 0.6, type: 'RATING', scaleMin: 1, scaleMax: 5 },
    { id: 2, dimension: 'SUPPLY', weight: 0.6, type: 'RATING', scaleMin: 1, scaleMax: 5 },
    { id: 3, dimension: 'DELIVERY', weight: 0.4, type: 'MATRIX', scaleMin: 1, scaleMax: 10 },
    { id: 4, dimension: 'DELIVERY', weight: 0.4, type: 'NPS', scaleMin: 0, scaleMax: 10 },
  ];

  it('scales a rating to 0–100', () => {
    expect(scaleRating(1, 1, 5)).toBe(0);
    expect(scaleRating(4, 1, 5)).toBe(75);
    expect(scaleRating(5, 1, 5)).toBe(100);
    expect(scaleRating(7, 1, 10)).toBeCloseTo(66.6667, 4);
  });

  it('matches a hand-computed example', () => {
    // SUPPLY: answers 5, 4, 3 → 100, 75, 50 → mean 75.
    // DELIVERY: matrix rows 10 and 4 on 1–10 → 100 and 33.333… → mean 66.666…; NPS ignored.
    // Index: (0.6 × 75 + 0.4 × 66.666…) / 1.0 = 45 + 26.666… = 71.666…
    const result = computeIndex(questions, [
      { questionId: 1, value: 5 },
      { questionId: 2, value: 4 },
      { questionId: 1, value: 3 },
      { questionId: 3, value: 10 },
      { questionId: 3, value: 4 },
      { questionId: 4, value: 0 },
    ]);
    expect(result.dimensions).toEqual([
      { dimension: 'SUPPLY', weight: 0.6, score: 75, answers: 3 },
      { dimension: 'DELIVERY', weight: 0.4, score: expect.closeTo(66.6667, 4), answers: 2 },
    ]);
    expect(result.index).toBeCloseTo(71.6667, 4);
  });

  it('averages over the dimensions that have answers, renormalising the weights', () => {
    const result = computeIndex(questions, [{ questionId: 3, value: 1 }]);
    expect(result.dimensions[0]!.score).toBeNull();
    expect(result.index).toBe(0);
    expect(computeIndex(questions, []).index).toBeNull();
  });
});

describe('NPS, correlation and quadrants', () => {
  it('counts promoters, passives and detractors', () => {
    expect(computeNps([10, 9, 8, 7, 6, 0, 10, 10])).toEqual({ promoters: 4, passives: 2, detractors: 2, total: 8, nps: 25 });
    expect(computeNps([]).nps).toBeNull();
  });

  it('computes Pearson’s r', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 10);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 10);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(pearson([1, 2], [1, 2])).toBeNull();
    // Hand-computed: x = 1,2,3; y = 1,3,2 → cov 1, var 2 and 2 → 0.5
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 10);
  });

  it('places dimensions against the means of both axes', () => {
    const points = classifyQuadrants([
      { dimension: 'A', importance: 0.8, satisfaction: 90 },
      { dimension: 'B', importance: 0.7, satisfaction: 50 },
      { dimension: 'C', importance: 0.1, satisfaction: 95 },
      { dimension: 'D', importance: 0.2, satisfaction: 40 },
      { dimension: 'E', importance: null, satisfaction: 40 },
    ]);
    expect(points.map((p) => [p.dimension, p.quadrant])).toEqual([
      ['A', 'strength'],
      ['B', 'fixFirst'],
      ['C', 'maintain'],
      ['D', 'lowPriority'],
    ]);
  });
});

describe('stratified sample allocation', () => {
  it('allocates proportionally and adds up to round(N × rate)', () => {
    const plan = allocateSample(
      [
        { key: 'a', population: 500 },
        { key: 'b', population: 300 },
        { key: 'c', population: 150 },
        { key: 'd', population: 50 },
      ],
      0.02,
    );
    expect(plan.map((p) => p.planned)).toEqual([10, 6, 3, 1]);
  });

  it('gives the remaining seats to the largest remainders', () => {
    // N = 10, rate 0.25 → 3 seats (2.5 rounds to 3); exact shares 1.8, 0.9, 0.3 → floors 1, 0, 0 → remainders .9 and .8 win
    const plan = allocateSample(
      [
        { key: 'a', population: 6 },
        { key: 'b', population: 3 },
        { key: 'c', population: 1 },
      ],
      0.25,
    );
    expect(plan.map((p) => p.planned)).toEqual([2, 1, 0]);
    expect(plan.reduce((a, p) => a + p.planned, 0)).toBe(3);
  });

  it('never plans more than a stratum holds, and at least one in all', () => {
    expect(allocateSample([{ key: 'a', population: 3 }], 0.001)).toEqual([{ key: 'a', population: 3, planned: 1 }]);
    expect(
      allocateSample(
        [
          { key: 'a', population: 2 },
          { key: 'b', population: 1 },
        ],
        1,
      ).map((p) => p.planned),
    ).toEqual([2, 1]);
    expect(allocateSample([], 0.02)).toEqual([]);
  });

  it('bands grades by tens', () => {
    expect([null, 1, 10, 11, 20, 21, 30].map(gradeBandOf)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});

describe('lifecycle', () => {
  it('moves draft → approval → approved → open → closed, and nothing else', () => {
    expect(nextState('DRAFT', 'submit')).toBe('PENDING_APPROVAL');
    expect(nextState('PENDING_APPROVAL', 'approve')).toBe('APPROVED');
    expect(nextState('DRAFT', 'approve')).toBe('APPROVED');
    expect(nextState('PENDING_APPROVAL', 'reject')).toBe('DRAFT');
    expect(nextState('APPROVED', 'open')).toBe('OPEN');
    expect(nextState('OPEN', 'close')).toBe('CLOSED');
    expect(nextState('DRAFT', 'open')).toBeNull();
    expect(nextState('CLOSED', 'open')).toBeNull();
    expect(nextState('OPEN', 'approve')).toBeNull();
  });

  it('takes answers only while open and inside the window', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    const open = { state: 'OPEN', opensAt: new Date('2026-11-01T00:00:00Z'), closesAt: new Date('2026-12-01T00:00:00Z') };
    expect(acceptsAnswers(open, now)).toBe(true);
    expect(acceptsAnswers({ ...open, closesAt: now }, now)).toBe(false);
    expect(acceptsAnswers({ ...open, opensAt: new Date('2026-11-21T00:00:00Z') }, now)).toBe(false);
    expect(acceptsAnswers({ ...open, state: 'CLOSED' }, now)).toBe(false);
  });

  it('starts the invitation month at midnight in China', () => {
    expect(chinaMonthStart(new Date('2026-11-30T17:00:00Z')).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(chinaMonthStart(new Date('2026-11-15T03:00:00Z')).toISOString()).toBe('2026-10-31T16:00:00.000Z');
  });
});
