import type { Db, DbTx } from '@tobacco/db/client';
import { Prisma } from '@tobacco/db/client';
import type { z } from 'zod';
import type { RetailerActor, StaffActor } from '../actor';
import { writeAudit } from '../admin/audit.service';
import type { Deps, RetailerDeps, StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import {
  articlePlainText,
  audiencesFor,
  canTransition,
  excerpt,
  highlight,
  likePattern,
  MIN_SUGGESTION_SCORE,
  normalizeQuery,
  rankArticles,
  sanitizeArticleBody,
  searchTerms,
  visibleToRetailers,
  type TSearchArticle,
} from './knowledge.rules';
import type {
  ZArticleIdInput,
  ZArticleRef,
  ZCreateArticleInput,
  ZFeedbackInput,
  ZInsightsInput,
  ZListArticlesInput,
  ZSearchInput,
  ZSuggestInput,
  ZUpdateArticleInput,
} from './knowledge.schema';

// The only code that writes the knowledge base. Retailers read published articles meant for them (anything
// else is NOT_FOUND, so staff-only ids cannot be probed); staff with knowledge.write edit, with
// knowledge.publish publish and retire (the procedures check the permission; the lifecycle is checked here).
// Search: SQL filters by substring and trigram similarity and returns at most CANDIDATES rows with what it
// measured; knowledge.rules.ts ranks them.

type In<T extends z.ZodType> = z.output<T>;
const CANDIDATES = 50;
const HELP_RESULTS = 10;
const SUGGESTIONS = 3;

// ---------------------------------------------------------------- search

type CandidateRow = TSearchArticle & { category: string; audience: string; titleSimilarity: number; bodySimilarity: number };

export type TSearchHit = {
  id: number;
  category: string;
  audience: string;
  score: number;
  title: { zh: ReturnType<typeof highlight>; en: ReturnType<typeof highlight> };
  excerpt: { zh: ReturnType<typeof highlight>; en: ReturnType<typeof highlight> };
};

/** Published articles for the reader matching the query, best first; never more than `limit`. */
export async function searchPublished(db: Db | DbTx, reader: 'retailer' | 'staff', query: string, limit: number, minScore = 0) {
  const phrase = normalizeQuery(query);
  const terms = searchTerms(query);
  if (!phrase || terms.length === 0) return { terms, hits: [] as TSearchHit[] };
  const patterns = terms.map(likePattern);
  const phrasePattern = likePattern(phrase);
  const rows = await db.$queryRaw<CandidateRow[]>`
    WITH m AS (
      SELECT a.id, a.category, a.audience::text AS audience, a."titleZh", a."titleEn", a."textZh", a."textEn", a.tags,
        (a."titleZh" ILIKE ${phrasePattern} OR a."titleEn" ILIKE ${phrasePattern}) AS "phraseInTitle",
        (a."textZh" ILIKE ${phrasePattern} OR a."textEn" ILIKE ${phrasePattern}) AS "phraseInBody",
        (SELECT count(*)::int FROM unnest(${patterns}::text[]) p WHERE a."titleZh" ILIKE p OR a."titleEn" ILIKE p) AS "titleHits",
        (SELECT count(*)::int FROM unnest(${patterns}::text[]) p WHERE a."textZh" ILIKE p OR a."textEn" ILIKE p) AS "bodyHits",
        (SELECT count(*)::int FROM unnest(a.tags) t WHERE lower(t) = ANY(${terms}::text[])) AS "tagHits",
        greatest(word_similarity(${phrase}, a."titleZh"), word_similarity(${phrase}, lower(a."titleEn")))::float8 AS "titleSimilarity",
        greatest(word_similarity(${phrase}, a."textZh"), word_similarity(${phrase}, lower(a."textEn")))::float8 AS "bodySimilarity"
      FROM "KnowledgeArticle" a
      WHERE a.state = 'PUBLISHED'
        AND a.audience::text = ANY(${audiencesFor(reader)}::text[])
        AND (a."titleZh" ILIKE ANY(${patterns}::text[]) OR a."textZh" ILIKE ANY(${patterns}::text[])
          OR a."titleEn" ILIKE ANY(${patterns}::text[]) OR a."textEn" ILIKE ANY(${patterns}::text[])
          OR a.tags && ${terms}::text[]
          OR ${phrase} <% a."titleZh" OR ${phrase} <% a."titleEn")
    )
    SELECT id, category, audience, "titleZh", "titleEn", "textZh", "textEn", tags, "titleSimilarity", "bodySimilarity" FROM m
    ORDER BY ("phraseInTitle")::int * 6 + ("phraseInBody")::int * 2 + "titleHits" * 4.0 / ${terms.length}
      + "bodyHits" * 2.0 / ${terms.length} + least("tagHits", 3) * 1.5 + "titleSimilarity" * 2 + "bodySimilarity" DESC, id
    LIMIT ${CANDIDATES}`;
  const ranked = rankArticles(rows, query, limit, minScore);
  const hits: TSearchHit[] = ranked.map((r) => ({
    id: r.id,
    category: r.category,
    audience: r.audience,
    score: r.score,
    title: { zh: highlight(r.titleZh, terms), en: highlight(r.titleEn, terms) },
    excerpt: { zh: highlight(excerpt(r.textZh, terms), terms), en: highlight(excerpt(r.textEn, terms), terms) },
  }));
  return { terms, hits };
}

/** The help page's search. A search that finds nothing is kept for the owners' view. */
export async function searchHelp({ db, actor, clock }: RetailerDeps, input: In<typeof ZSearchInput>) {
  const { hits } = await searchPublished(db, 'retailer', input.q, HELP_RESULTS);
  if (hits.length === 0) await recordMiss(db, input.q, 'HELP', actor.retailerId, clock());
  return { hits };
}

/**
 * Articles that may answer what a retailer is writing in the filing form. Called as they type (debounced), so
 * a miss is not recorded here: half-typed sentences would bury the searches the owners should read.
 */
export async function suggestForDraft({ db }: RetailerDeps, input: In<typeof ZSuggestInput>) {
  if (input.text.length < 2) return { hits: [] as TSearchHit[] };
  const { hits } = await searchPublished(db, 'retailer', input.text, SUGGESTIONS, MIN_SUGGESTION_SCORE);
  return { hits };
}

async function recordMiss(db: Db | DbTx, query: string, source: 'HELP', retailerId: number | null, at: Date) {
  await db.knowledgeSearchMiss.create({
    data: { query: normalizeQuery(query).slice(0, 200), source, retailerId, createdAt: at },
  });
}

/** The staff's canned-reply picker: every published article, each language's plain text to insert. */
export async function searchForReply({ db }: StaffDeps, input: In<typeof ZSearchInput>) {
  const { hits } = await searchPublished(db, 'staff', input.q, HELP_RESULTS);
  if (hits.length === 0) return { hits: [] };
  const texts = await db.knowledgeArticle.findMany({
    where: { id: { in: hits.map((h) => h.id) } },
    select: { id: true, textZh: true, textEn: true },
  });
  const byId = new Map(texts.map((t) => [t.id, t]));
  return { hits: hits.map((h) => ({ ...h, textZh: byId.get(h.id)!.textZh, textEn: byId.get(h.id)!.textEn })) };
}

// ---------------------------------------------------------------- the portal

const PUBLIC_FIELDS = {
  id: true,
  category: true,
  tags: true,
  titleZh: true,
  titleEn: true,
  bodyZh: true,
  bodyEn: true,
  publishedAt: true,
  updatedAt: true,
} as const;

/** The help page without a query: the newest published articles for retailers, by category. */
export async function listHelpArticles({ db }: RetailerDeps) {
  return db.knowledgeArticle.findMany({
    where: { state: 'PUBLISHED', audience: { in: ['RETAILERS', 'BOTH'] } },
    select: { id: true, category: true, titleZh: true, titleEn: true },
    orderBy: [{ category: 'asc' }, { publishedAt: 'desc' }],
    take: 100,
  });
}

async function visibleArticle(db: Db | DbTx, id: number) {
  const article = await db.knowledgeArticle.findUnique({ where: { id }, select: { ...PUBLIC_FIELDS, state: true, audience: true } });
  if (!article || !visibleToRetailers(article)) throw notFound();
  return article;
}

export async function getHelpArticle({ db }: RetailerDeps, input: In<typeof ZArticleIdInput>) {
  const { state: _state, audience: _audience, ...article } = await visibleArticle(db, input.id);
  return article;
}

/**
 * "这个解决了我的问题": the retailer leaves the filing form without filing. Counted once per article and shop
 * in any 24 hours, so that tapping twice does not inflate what the owners see.
 */
export async function recordDeflection({ db, actor, clock }: RetailerDeps, input: In<typeof ZFeedbackInput>) {
  return recordFeedback(db, actor, clock(), input, 'DEFLECTED');
}

export async function voteNotHelpful({ db, actor, clock }: RetailerDeps, input: In<typeof ZFeedbackInput>) {
  return recordFeedback(db, actor, clock(), input, 'NOT_HELPFUL');
}

async function recordFeedback(db: Db, actor: RetailerActor, at: Date, input: In<typeof ZFeedbackInput>, kind: 'DEFLECTED' | 'NOT_HELPFUL') {
  await visibleArticle(db, input.articleId);
  const since = new Date(at.getTime() - 24 * 3600_000);
  const already = await db.knowledgeFeedback.findFirst({
    where: { articleId: input.articleId, retailerId: actor.retailerId, kind, createdAt: { gt: since } },
    select: { id: true },
  });
  if (!already) {
    await db.knowledgeFeedback.create({
      data: { articleId: input.articleId, retailerId: actor.retailerId, kind, query: input.query || null, createdAt: at },
    });
  }
  return { recorded: !already };
}

// ---------------------------------------------------------------- the back office

const STAFF_FIELDS = {
  id: true,
  category: true,
  tags: true,
  audience: true,
  state: true,
  departmentId: true,
  titleZh: true,
  titleEn: true,
  bodyZh: true,
  bodyEn: true,
  version: true,
  publishedAt: true,
  retiredAt: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
  department: { select: { name: true, nameEn: true } },
} as const;

export async function listArticles({ db }: StaffDeps, input: In<typeof ZListArticlesInput>) {
  const where: Prisma.KnowledgeArticleWhereInput = {
    state: input.state,
    audience: input.audience,
    category: input.category,
    departmentId: input.departmentId,
  };
  if (input.q) {
    where.OR = [
      { titleZh: { contains: input.q, mode: 'insensitive' } },
      { titleEn: { contains: input.q, mode: 'insensitive' } },
      { tags: { has: input.q } },
    ];
  }
  const [total, rows] = await Promise.all([
    db.knowledgeArticle.count({ where }),
    db.knowledgeArticle.findMany({
      where,
      select: {
        id: true,
        category: true,
        audience: true,
        state: true,
        titleZh: true,
        titleEn: true,
        updatedAt: true,
        department: { select: { name: true, nameEn: true } },
      },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, rows };
}

export async function getArticle({ db }: StaffDeps, input: In<typeof ZArticleIdInput>) {
  const article = await db.knowledgeArticle.findUnique({ where: { id: input.id }, select: STAFF_FIELDS });
  if (!article) throw notFound();
  return article;
}

/** The editor's choices: the departments that may own an article, the writer's own first chosen. */
export async function getEditorOptions({ db, actor }: StaffDeps) {
  const departments = await db.department.findMany({
    where: { active: true },
    select: { id: true, name: true, nameEn: true },
    orderBy: { id: 'asc' },
  });
  const own = departments.find((d) => d.id === actor.departmentId);
  return { departments, defaultDepartmentId: own?.id ?? departments[0]?.id ?? null };
}

type ArticleFields = In<typeof ZCreateArticleInput>;

async function articleData(db: Db | DbTx, fields: ArticleFields) {
  const department = await db.department.findFirst({ where: { id: fields.departmentId, active: true }, select: { id: true } });
  if (!department) throw new DomainError('VALIDATION', 'knowledge.validation.department');
  const bodyZh = sanitizeArticleBody(fields.bodyZh);
  const bodyEn = sanitizeArticleBody(fields.bodyEn);
  const textZh = articlePlainText(bodyZh);
  const textEn = articlePlainText(bodyEn);
  // Markup alone (an empty paragraph, a stripped script) is not a body.
  if (!textZh) throw new DomainError('VALIDATION', 'knowledge.validation.bodyZh');
  if (!textEn) throw new DomainError('VALIDATION', 'knowledge.validation.bodyEn');
  const tags = [...new Set(fields.tags.map((t) => t.toLowerCase()))];
  return {
    category: fields.category,
    audience: fields.audience,
    departmentId: fields.departmentId,
    tags,
    titleZh: fields.titleZh,
    titleEn: fields.titleEn,
    bodyZh,
    bodyEn,
    textZh,
    textEn,
  };
}

const auditView = (a: { state: string; audience: string; titleZh: string; version: number }) => ({
  state: a.state,
  audience: a.audience,
  titleZh: a.titleZh,
  version: a.version,
});

export async function createArticle({ db, actor }: StaffDeps, input: ArticleFields) {
  const data = await articleData(db, input);
  return db.$transaction(async (tx) => {
    const article = await tx.knowledgeArticle.create({
      data: { ...data, updatedById: actor.userId },
      select: { id: true, version: true, state: true, audience: true, titleZh: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'knowledge.create',
      entityType: 'KnowledgeArticle',
      entityId: article.id,
      after: auditView(article),
    });
    return { id: article.id, version: article.version };
  });
}

async function changeArticle(
  db: Db,
  actor: StaffActor,
  ref: In<typeof ZArticleRef>,
  action: 'edit' | 'publish' | 'retire',
  change: (at: Date) => Prisma.KnowledgeArticleUncheckedUpdateManyInput,
  at: Date,
) {
  return db.$transaction(async (tx) => {
    const before = await tx.knowledgeArticle.findUnique({ where: { id: ref.id } });
    if (!before) throw notFound();
    if (before.version !== ref.version) throw new DomainError('CONFLICT', 'knowledge.error.conflict');
    if (!canTransition(before.state, action)) throw new DomainError('INVALID_STATE', 'knowledge.error.state');
    const { count } = await tx.knowledgeArticle.updateMany({
      where: { id: ref.id, version: ref.version },
      data: { ...change(at), updatedById: actor.userId, version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError('CONFLICT', 'knowledge.error.conflict');
    const after = await tx.knowledgeArticle.findUniqueOrThrow({ where: { id: ref.id } });
    await writeAudit(tx, {
      actor,
      action: `knowledge.${action}`,
      entityType: 'KnowledgeArticle',
      entityId: ref.id,
      before: auditView(before),
      after: auditView(after),
    });
    return { id: after.id, version: after.version, state: after.state };
  });
}

export async function updateArticle({ db, actor, clock }: StaffDeps, input: In<typeof ZUpdateArticleInput>) {
  const { id, version, ...fields } = input;
  const data = await articleData(db, fields);
  return changeArticle(db, actor, { id, version }, 'edit', () => data, clock());
}

export async function publishArticle({ db, actor, clock }: StaffDeps, input: In<typeof ZArticleRef>) {
  return changeArticle(db, actor, input, 'publish', (at) => ({ state: 'PUBLISHED', publishedAt: at, retiredAt: null }), clock());
}

export async function retireArticle({ db, actor, clock }: StaffDeps, input: In<typeof ZArticleRef>) {
  return changeArticle(db, actor, input, 'retire', (at) => ({ state: 'RETIRED', retiredAt: at }), clock());
}

// ---------------------------------------------------------------- the owners' view

/**
 * What the knowledge base's owners act on, over the last `days`: per article how often it closed a draft
 * ("this solved it") and how often it was voted not helpful, and what people searched for and did not find.
 * Counted in SQL; at most 50 rows each.
 */
export async function getInsights({ db, clock }: Deps, input: In<typeof ZInsightsInput>) {
  const since = new Date(clock().getTime() - input.days * 24 * 3600_000);
  const [articles, misses, totals] = await Promise.all([
    db.$queryRaw<{ id: number; titleZh: string; titleEn: string; state: string; deflected: number; notHelpful: number }[]>`
      SELECT a.id, a."titleZh", a."titleEn", a.state::text AS state,
        count(*) FILTER (WHERE f.kind = 'DEFLECTED')::int AS deflected,
        count(*) FILTER (WHERE f.kind = 'NOT_HELPFUL')::int AS "notHelpful"
      FROM "KnowledgeFeedback" f JOIN "KnowledgeArticle" a ON a.id = f."articleId"
      WHERE f."createdAt" >= ${since}
      GROUP BY a.id
      ORDER BY "notHelpful" DESC, deflected DESC, a.id
      LIMIT 50`,
    db.$queryRaw<{ query: string; n: number; lastAt: Date }[]>`
      SELECT query, count(*)::int AS n, max("createdAt") AS "lastAt"
      FROM "KnowledgeSearchMiss"
      WHERE "createdAt" >= ${since}
      GROUP BY query
      ORDER BY n DESC, "lastAt" DESC
      LIMIT 50`,
    db.$queryRaw<{ deflected: number; notHelpful: number }[]>`
      SELECT count(*) FILTER (WHERE kind = 'DEFLECTED')::int AS deflected,
        count(*) FILTER (WHERE kind = 'NOT_HELPFUL')::int AS "notHelpful"
      FROM "KnowledgeFeedback" WHERE "createdAt" >= ${since}`,
  ]);
  return { days: input.days, articles, misses, totals: totals[0] ?? { deflected: 0, notHelpful: 0 } };
}
