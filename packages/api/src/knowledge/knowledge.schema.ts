import { z } from 'zod';
import { ZId } from '../common/ids';

// Inputs of the knowledge base, shared by the back-office editor (zodResolver), the portal's help pages and
// the procedures. Messages are i18n keys.

export const KNOWLEDGE_CATEGORIES = ['ORDERING', 'INVOICE', 'ACCOUNT', 'DELIVERY', 'GRADE', 'POLICY', 'OTHER'] as const;
export const KNOWLEDGE_AUDIENCES = ['RETAILERS', 'STAFF', 'BOTH'] as const;
export const KNOWLEDGE_STATES = ['DRAFT', 'PUBLISHED', 'RETIRED'] as const;
/** Where a search was made: the help page's search box, or the suggestions under the filing form. */
export const KNOWLEDGE_SEARCH_SOURCES = ['HELP', 'FILING'] as const;

export type TKnowledgeCategory = (typeof KNOWLEDGE_CATEGORIES)[number];
export type TKnowledgeAudience = (typeof KNOWLEDGE_AUDIENCES)[number];
export type TKnowledgeState = (typeof KNOWLEDGE_STATES)[number];

export const MAX_TAGS = 10;
export const MAX_BODY_HTML = 20_000;

const tooLong = 'knowledge.validation.tooLong';
const title = (key: string) => z.string().trim().min(2, key).max(120, tooLong);
const body = (key: string) => z.string().trim().min(1, key).max(MAX_BODY_HTML, tooLong);

export const ZArticleFields = z.object({
  category: z.enum(KNOWLEDGE_CATEGORIES, 'knowledge.validation.category'),
  audience: z.enum(KNOWLEDGE_AUDIENCES, 'knowledge.validation.audience'),
  departmentId: z.number('knowledge.validation.department').int().positive('knowledge.validation.department'),
  tags: z
    .array(z.string().trim().min(1, 'knowledge.validation.tag').max(20, 'knowledge.validation.tag'))
    .max(MAX_TAGS, 'knowledge.validation.tooManyTags')
    .default([]),
  titleZh: title('knowledge.validation.titleZh'),
  titleEn: title('knowledge.validation.titleEn'),
  bodyZh: body('knowledge.validation.bodyZh'),
  bodyEn: body('knowledge.validation.bodyEn'),
});
export type TArticleFields = z.input<typeof ZArticleFields>;

export const ZCreateArticleInput = ZArticleFields;
export type TCreateArticleInput = z.input<typeof ZCreateArticleInput>;

/** An article's id and the version the editor saw: a write on a newer version is refused as a conflict. */
export const ZArticleRef = z.object({ id: ZId, version: z.number().int().min(0) });
export const ZUpdateArticleInput = ZArticleRef.extend(ZArticleFields.shape);
export type TUpdateArticleInput = z.input<typeof ZUpdateArticleInput>;

export const ZArticleIdInput = z.object({ id: ZId });

export const KNOWLEDGE_PAGE_SIZES = [20, 50] as const;
export const ZListArticlesInput = z.object({
  state: z.enum(KNOWLEDGE_STATES).optional(),
  audience: z.enum(KNOWLEDGE_AUDIENCES).optional(),
  category: z.enum(KNOWLEDGE_CATEGORIES).optional(),
  departmentId: ZId.optional(),
  q: z.string().trim().max(60, tooLong).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.union([z.literal(20), z.literal(50)]).default(20),
});
export type TListArticlesInput = z.input<typeof ZListArticlesInput>;

/** A search typed by a person: the help page's box, or the staff's canned-reply picker. */
export const ZSearchInput = z.object({
  q: z.string().trim().min(1, 'knowledge.validation.query').max(60, tooLong),
});
export type TSearchInput = z.input<typeof ZSearchInput>;

/**
 * What a retailer has written so far in the filing form: the subject (≤ 100) and the description (≤ 2,000)
 * together. Search reads the first terms only, so the subject weighs most.
 */
export const ZSuggestInput = z.object({
  text: z.string().trim().max(2200, tooLong),
});
export type TSuggestInput = z.input<typeof ZSuggestInput>;

/** "This solved it" or "not helpful", with what the retailer had typed (kept short for the owners' view). */
export const ZFeedbackInput = z.object({
  articleId: ZId,
  query: z.string().trim().max(200, tooLong).optional(),
});
export type TFeedbackInput = z.input<typeof ZFeedbackInput>;

export const ZInsightsInput = z.object({
  /** Days back from today, China time. */
  days: z.union([z.literal(7), z.literal(30), z.literal(90)]).default(30),
});
export type TInsightsInput = z.input<typeof ZInsightsInput>;

// ---------------------------------------------------------------- portal outputs
// What a retailer's help pages receive: published text and its place, never the audience's staff side, the
// owner department, the editor or the version.

const ZHighlight = z.array(z.object({ text: z.string(), match: z.boolean() }));
const ZSearchHitOutput = z.object({
  id: z.number().int(),
  category: z.string(),
  audience: z.string(),
  score: z.number(),
  title: z.object({ zh: ZHighlight, en: ZHighlight }),
  excerpt: z.object({ zh: ZHighlight, en: ZHighlight }),
});
export const ZSearchHitsOutput = z.object({ hits: z.array(ZSearchHitOutput) });
export const ZHelpListOutput = z.array(z.object({ id: z.number().int(), category: z.string(), titleZh: z.string(), titleEn: z.string() }));
export const ZHelpArticleOutput = z.object({
  id: z.number().int(),
  category: z.string(),
  tags: z.array(z.string()),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  publishedAt: z.date().nullable(),
  updatedAt: z.date(),
});
export const ZFeedbackOutput = z.object({ recorded: z.boolean() });
