import type { TAnswers, TAnswerValue, TCondition, TQuestion, TSection, TShowIf, TSurveyDefinition, SurveyState } from './surveys.schema';

// Pure rules of satisfaction surveys (domain.md §8): definition checks, show-if conditions, answer checks,
// the satisfaction index, NPS, the importance × satisfaction quadrant, stratified sample allocation and the
// lifecycle. No I/O: the services and the SQL aggregation are tested against these functions.

// ---------------------------------------------------------------- definition

export type FlatQuestion = TQuestion & { sectionKey: string; dimension: TSection['dimension']; weight: number; position: number };

/** Every question in the order a retailer meets them, with its section's dimension and weight. */
export function flattenQuestions(definition: TSurveyDefinition): FlatQuestion[] {
  let position = 0;
  return definition.sections.flatMap((section) =>
    section.questions.map((q) => ({
      ...q,
      sectionKey: section.key,
      dimension: section.dimension,
      weight: section.weight,
      position: position++,
    })),
  );
}

/** The scale of a question that has one: ratings and matrices as defined, NPS always 0–10. */
export function scaleOf(question: Pick<TQuestion, 'type' | 'scaleMin' | 'scaleMax'>): { min: number; max: number } | null {
  if (question.type === 'NPS') return { min: 0, max: 10 };
  if (question.type === 'RATING' || question.type === 'MATRIX') return { min: question.scaleMin ?? 1, max: question.scaleMax ?? 5 };
  return null;
}

export type DefinitionIssueCode =
  | 'duplicateSectionKey'
  | 'duplicateDimension'
  | 'duplicateQuestionKey'
  | 'badScale'
  | 'npsScale'
  | 'needsOptions'
  | 'duplicateOption'
  | 'needsRows'
  | 'duplicateRow'
  | 'unexpectedOptions'
  | 'conditionUnknownQuestion'
  | 'conditionNotEarlier'
  | 'conditionBadValue'
  | 'conditionBadOp'
  | 'noWeight';

export type DefinitionIssue = { path: (string | number)[]; code: DefinitionIssueCode };

/**
 * What the structure alone cannot say: keys unique, one section per dimension, sensible scales, options
 * and rows where needed, and show-if conditions that point at an earlier question with a value it can have.
 */
export function validateDefinition(definition: TSurveyDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const sectionKeys = new Set<string>();
  const dimensions = new Set<string>();
  const earlier = new Map<string, TQuestion>();
  const allKeys = new Set(definition.sections.flatMap((s) => s.questions.map((q) => q.key)));
  let weighted = false;

  definition.sections.forEach((section, s) => {
    const at = (...rest: (string | number)[]) => ['sections', s, ...rest];
    if (sectionKeys.has(section.key)) issues.push({ path: at('key'), code: 'duplicateSectionKey' });
    sectionKeys.add(section.key);
    if (dimensions.has(section.dimension)) issues.push({ path: at('dimension'), code: 'duplicateDimension' });
    dimensions.add(section.dimension);
    if (section.weight > 0 && section.questions.some((q) => q.type === 'RATING' || q.type === 'MATRIX')) weighted = true;

    section.questions.forEach((question, qi) => {
      const qAt = (...rest: (string | number)[]) => at('questions', qi, ...rest);
      if (earlier.has(question.key)) issues.push({ path: qAt('key'), code: 'duplicateQuestionKey' });

      if (question.type === 'RATING' || question.type === 'MATRIX') {
        const min = question.scaleMin;
        const max = question.scaleMax;
        if (min === undefined || max === undefined || (min !== 0 && min !== 1) || max < min + 2 || max > 10)
          issues.push({ path: qAt('scaleMax'), code: 'badScale' });
      }
      if (question.type === 'NPS' && ((question.scaleMin ?? 0) !== 0 || (question.scaleMax ?? 10) !== 10))
        issues.push({ path: qAt('scaleMax'), code: 'npsScale' });

      if (question.type === 'SINGLE_CHOICE' || question.type === 'MULTI_CHOICE') {
        const options = question.options ?? [];
        if (options.length < 2) issues.push({ path: qAt('options'), code: 'needsOptions' });
        if (new Set(options.map((o) => o.value)).size !== options.length) issues.push({ path: qAt('options'), code: 'duplicateOption' });
      } else if (question.options?.length) {
        issues.push({ path: qAt('options'), code: 'unexpectedOptions' });
      }
      if (question.type === 'MATRIX') {
        const rows = question.rows ?? [];
        if (rows.length < 1) issues.push({ path: qAt('rows'), code: 'needsRows' });
        if (new Set(rows.map((r) => r.key)).size !== rows.length) issues.push({ path: qAt('rows'), code: 'duplicateRow' });
      }

      question.showIf?.conditions.forEach((condition, ci) => {
        const cAt = qAt('showIf', 'conditions', ci);
        const target = earlier.get(condition.questionKey);
        if (!target) {
          issues.push({
            path: [...cAt, 'questionKey'],
            code: allKeys.has(condition.questionKey) ? 'conditionNotEarlier' : 'conditionUnknownQuestion',
          });
          return;
        }
        const problem = conditionProblem(condition, target);
        if (problem) issues.push({ path: [...cAt, problem === 'conditionBadOp' ? 'op' : 'value'], code: problem });
      });
      earlier.set(question.key, question);
    });
  });
  if (!weighted) issues.push({ path: ['sections'], code: 'noWeight' });
  return issues;
}

function conditionProblem(condition: TCondition, target: TQuestion): DefinitionIssueCode | null {
  const { op, value } = condition;
  if (target.type === 'TEXT' || target.type === 'MATRIX') return 'conditionBadOp';
  const scale = scaleOf(target);
  const allowed = target.options?.map((o) => o.value);
  const fits = (v: unknown) =>
    scale
      ? typeof v === 'number' && Number.isInteger(v) && v >= scale.min && v <= scale.max
      : typeof v === 'string' && (allowed ?? []).includes(v);
  if (op === 'lte' || op === 'gte') return scale ? (fits(value) ? null : 'conditionBadValue') : 'conditionBadOp';
  if (op === 'in') return Array.isArray(value) && value.length > 0 && value.every(fits) ? null : 'conditionBadValue';
  return fits(value) ? null : 'conditionBadValue';
}

// ---------------------------------------------------------------- conditions

/**
 * One condition on an earlier answer. An unanswered (or hidden) question satisfies no condition, not even
 * `neq`: "show if the rating is not 5" waits until there is a rating. A multiple-choice answer equals a value
 * when it contains it.
 */
export function evaluateCondition(condition: TCondition, answer: TAnswerValue | undefined): boolean {
  if (answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0)) return false;
  const { op, value } = condition;
  const has = (v: unknown) => (Array.isArray(answer) ? answer.includes(v as string) : answer === v);
  switch (op) {
    case 'eq':
      return has(value);
    case 'neq':
      return !has(value);
    case 'lte':
      return typeof answer === 'number' && typeof value === 'number' && answer <= value;
    case 'gte':
      return typeof answer === 'number' && typeof value === 'number' && answer >= value;
    case 'in':
      return Array.isArray(value) && value.some((v) => has(v));
  }
}

export function evaluateShowIf(showIf: TShowIf | undefined, answers: TAnswers): boolean {
  if (!showIf) return true;
  const results = showIf.conditions.map((c) => evaluateCondition(c, answers[c.questionKey]));
  return showIf.mode === 'all' ? results.every(Boolean) : results.some(Boolean);
}

/**
 * The answers that count: those to known questions that are shown, in order. A question hidden by its
 * condition loses its answer, and so does every condition that pointed at it (conditions look backwards).
 */
export function visibleAnswers(definition: TSurveyDefinition, answers: TAnswers): { visible: Set<string>; answers: TAnswers } {
  const visible = new Set<string>();
  const kept: TAnswers = {};
  for (const question of flattenQuestions(definition)) {
    if (!evaluateShowIf(question.showIf, kept)) continue;
    visible.add(question.key);
    const answer = answers[question.key];
    if (answer !== undefined) kept[question.key] = answer;
  }
  return { visible, answers: kept };
}

// ---------------------------------------------------------------- answers

export type AnswerIssueCode = 'required' | 'invalid';
export type AnswerIssue = { questionKey: string; code: AnswerIssueCode };

function isBlank(value: TAnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function answerFits(question: TQuestion, value: TAnswerValue): boolean {
  const scale = scaleOf(question);
  const inScale = (v: unknown) => scale !== null && typeof v === 'number' && Number.isInteger(v) && v >= scale.min && v <= scale.max;
  const options = new Set((question.options ?? []).map((o) => o.value));
  switch (question.type) {
    case 'RATING':
    case 'NPS':
      return inScale(value);
    case 'SINGLE_CHOICE':
      return typeof value === 'string' && options.has(value);
    case 'MULTI_CHOICE':
      return Array.isArray(value) && new Set(value).size === value.length && value.every((v) => options.has(v));
    case 'TEXT':
      return typeof value === 'string' && value.length <= 2000;
    case 'MATRIX': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const rows = new Set((question.rows ?? []).map((r) => r.key));
      return Object.entries(value).every(([row, v]) => rows.has(row) && inScale(v));
    }
  }
}

/**
 * The server's check of a submission: every shown required question answered (a required matrix needs every
 * row), every answer of the right kind and in range. Returns the issues and the answers that count.
 */
export function validateAnswers(definition: TSurveyDefinition, answers: TAnswers): { issues: AnswerIssue[]; answers: TAnswers } {
  const { visible, answers: kept } = visibleAnswers(definition, answers);
  const issues: AnswerIssue[] = [];
  const clean: TAnswers = {};
  for (const question of flattenQuestions(definition)) {
    if (!visible.has(question.key)) continue;
    const value = kept[question.key];
    if (isBlank(value)) {
      if (question.required) issues.push({ questionKey: question.key, code: 'required' });
      continue;
    }
    if (!answerFits(question, value!)) {
      issues.push({ questionKey: question.key, code: 'invalid' });
      continue;
    }
    if (question.type === 'MATRIX' && question.required) {
      const answered = value as Record<string, number>;
      if ((question.rows ?? []).some((row) => answered[row.key] === undefined)) {
        issues.push({ questionKey: question.key, code: 'required' });
        continue;
      }
    }
    clean[question.key] = typeof value === 'string' ? value.trim() : value!;
  }
  return { issues, answers: clean };
}

/** A draft keeps only answers to questions the survey has; nothing else is checked until submission. */
export function cleanDraft(definition: TSurveyDefinition, answers: TAnswers): TAnswers {
  const keys = new Set(flattenQuestions(definition).map((q) => q.key));
  return Object.fromEntries(Object.entries(answers).filter(([k]) => keys.has(k)));
}

export type AnswerRow = { questionKey: string; rowKey: string; numericValue: number | null; choices: string[]; text: string | null };

/** Checked answers as SurveyAnswer rows: one per question, one per matrix row. */
export function normaliseAnswers(definition: TSurveyDefinition, answers: TAnswers): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const question of flattenQuestions(definition)) {
    const value = answers[question.key];
    if (value === undefined) continue;
    const base = { questionKey: question.key, rowKey: '', numericValue: null, choices: [] as string[], text: null };
    switch (question.type) {
      case 'RATING':
      case 'NPS':
        rows.push({ ...base, numericValue: value as number });
        break;
      case 'SINGLE_CHOICE':
        rows.push({ ...base, choices: [value as string] });
        break;
      case 'MULTI_CHOICE':
        rows.push({ ...base, choices: value as string[] });
        break;
      case 'TEXT':
        rows.push({ ...base, text: value as string });
        break;
      case 'MATRIX':
        for (const row of question.rows ?? []) {
          const v = (value as Record<string, number>)[row.key];
          if (v !== undefined) rows.push({ ...base, rowKey: row.key, numericValue: v });
        }
        break;
    }
  }
  return rows;
}

// ---------------------------------------------------------------- the index

/** A rating on its own scale as 0–100: (answer − min) / (max − min) × 100. */
export function scaleRating(value: number, min: number, max: number): number {
  return ((value - min) / (max - min)) * 100;
}

export type IndexQuestion = {
  id: number;
  dimension: string;
  weight: number;
  type: string;
  scaleMin: number | null;
  scaleMax: number | null;
};
export type IndexAnswer = { questionId: number; value: number };
export type DimensionScore = { dimension: string; weight: number; score: number | null; answers: number };
export type SatisfactionIndex = { index: number | null; dimensions: DimensionScore[] };

/**
 * The satisfaction index of domain.md §8, the one definition every screen, export and SQL query must agree
 * with: each rating answer (ratings and matrix rows) scaled to 0–100; a dimension's score is the mean of its
 * scaled answers; the index is the mean of the dimension scores weighted by their sections' weights, over the
 * dimensions that have answers. NPS and choice questions do not count.
 */
export function computeIndex(questions: readonly IndexQuestion[], answers: readonly IndexAnswer[]): SatisfactionIndex {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const sums = new Map<string, { sum: number; count: number; weight: number }>();
  for (const q of questions) {
    if (q.type !== 'RATING' && q.type !== 'MATRIX') continue;
    if (!sums.has(q.dimension)) sums.set(q.dimension, { sum: 0, count: 0, weight: q.weight });
  }
  for (const answer of answers) {
    const q = byId.get(answer.questionId);
    if (!q || (q.type !== 'RATING' && q.type !== 'MATRIX')) continue;
    const entry = sums.get(q.dimension)!;
    entry.sum += scaleRating(answer.value, q.scaleMin ?? 1, q.scaleMax ?? 5);
    entry.count += 1;
  }
  const dimensions: DimensionScore[] = [...sums].map(([dimension, e]) => ({
    dimension,
    weight: e.weight,
    score: e.count ? e.sum / e.count : null,
    answers: e.count,
  }));
  return { index: weightedIndex(dimensions), dimensions };
}

/** Weight-averaged dimension scores, over the dimensions that have a score and a weight. */
export function weightedIndex(dimensions: readonly { weight: number; score: number | null }[]): number | null {
  let total = 0;
  let weights = 0;
  for (const d of dimensions) {
    if (d.score === null || d.weight <= 0) continue;
    total += d.weight * d.score;
    weights += d.weight;
  }
  return weights > 0 ? total / weights : null;
}

export type Nps = { promoters: number; passives: number; detractors: number; total: number; nps: number | null };

/** Net Promoter Score: promoters (9–10) minus detractors (0–6), as percentages of all NPS answers. */
export function computeNps(values: readonly number[]): Nps {
  let promoters = 0;
  let detractors = 0;
  for (const v of values) {
    if (v >= 9) promoters += 1;
    else if (v <= 6) detractors += 1;
  }
  const total = values.length;
  return {
    promoters,
    passives: total - promoters - detractors,
    detractors,
    total,
    nps: total ? ((promoters - detractors) / total) * 100 : null,
  };
}

/** Pearson's correlation; null when either side does not vary or there are fewer than three pairs. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i += 1) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : null;
}

export type Quadrant = 'strength' | 'fixFirst' | 'maintain' | 'lowPriority';
export type QuadrantPoint = { dimension: string; importance: number; satisfaction: number; quadrant: Quadrant };

/**
 * The importance × satisfaction matrix: each dimension against the means of both axes. Important and
 * satisfying: a strength; important and below the mean: fix first; the rest maintain or low priority.
 */
export function classifyQuadrants(
  points: readonly { dimension: string; importance: number | null; satisfaction: number | null }[],
): QuadrantPoint[] {
  const usable = points.filter(
    (p): p is { dimension: string; importance: number; satisfaction: number } => p.importance !== null && p.satisfaction !== null,
  );
  if (usable.length === 0) return [];
  const mi = usable.reduce((a, p) => a + p.importance, 0) / usable.length;
  const ms = usable.reduce((a, p) => a + p.satisfaction, 0) / usable.length;
  return usable.map((p) => {
    const important = p.importance >= mi;
    const satisfied = p.satisfaction >= ms;
    const quadrant: Quadrant = important ? (satisfied ? 'strength' : 'fixFirst') : satisfied ? 'maintain' : 'lowPriority';
    return { ...p, quadrant };
  });
}

// ---------------------------------------------------------------- sampling

/** Grade bands of the strata and breakdowns: 1 = grades 1–10, 2 = 11–20, 3 = 21–30, 0 = not graded. */
export function gradeBandOf(grade: number | null | undefined): number {
  return grade ? Math.ceil(grade / 10) : 0;
}

/** A stratum's key: market × size × form × grade band, e.g. "C-2-B-3" (城镇 · 中 · 便利店 · 21–30 档). */
export function stratumKey(r: { market: string; sizeClass: number; businessForm: string; gradeBand: number }): string {
  return `${r.market}-${r.sizeClass}-${r.businessForm}-${r.gradeBand}`;
}

export type StratumPlan = { key: string; population: number; planned: number };

/**
 * Proportional allocation of a stratified sample: the total is round(N × rate) (at least one when anyone is
 * eligible), each stratum gets the whole part of its share, and the seats left over go to the largest
 * remainders (ties to the larger stratum, then the key), so the plan always adds up to the total.
 */
export function allocateSample(strata: readonly { key: string; population: number }[], rate: number): StratumPlan[] {
  const population = strata.reduce((a, s) => a + s.population, 0);
  if (population === 0 || rate <= 0) return strata.map((s) => ({ ...s, planned: 0 }));
  const total = Math.min(population, Math.max(1, Math.round(population * rate)));
  const shares = strata.map((s) => {
    const exact = (s.population * total) / population;
    return { key: s.key, population: s.population, planned: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = total - shares.reduce((a, s) => a + s.planned, 0);
  const order = [...shares].sort((a, b) => b.remainder - a.remainder || b.population - a.population || a.key.localeCompare(b.key));
  for (const s of order) {
    if (left <= 0) break;
    if (s.planned < s.population) {
      s.planned += 1;
      left -= 1;
    }
  }
  return shares.map(({ key, population: p, planned }) => ({ key, population: p, planned }));
}

// ---------------------------------------------------------------- lifecycle

export type SurveyAction = 'submit' | 'reject' | 'approve' | 'open' | 'close';

const TRANSITIONS: Record<SurveyAction, { from: readonly SurveyState[]; to: SurveyState }> = {
  submit: { from: ['DRAFT'], to: 'PENDING_APPROVAL' },
  reject: { from: ['PENDING_APPROVAL'], to: 'DRAFT' },
  approve: { from: ['DRAFT', 'PENDING_APPROVAL'], to: 'APPROVED' },
  open: { from: ['APPROVED'], to: 'OPEN' },
  close: { from: ['OPEN'], to: 'CLOSED' },
};

/** The state an action leads to, or null when it is not allowed from this state. */
export function nextState(from: SurveyState, action: SurveyAction): SurveyState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

export function isEditable(state: SurveyState): boolean {
  return state === 'DRAFT' || state === 'PENDING_APPROVAL';
}

/** Answers are taken while the survey is open and inside its window. */
export function acceptsAnswers(survey: { state: string; opensAt: Date | null; closesAt: Date | null }, now: Date): boolean {
  if (survey.state !== 'OPEN') return false;
  if (survey.opensAt && now < survey.opensAt) return false;
  if (survey.closesAt && now >= survey.closesAt) return false;
  return true;
}

/** Start of the calendar month in China (UTC+8, no daylight saving), as an instant: the invitation cap's window. */
export function chinaMonthStart(now: Date): Date {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), 1) - 8 * 3_600_000);
}
