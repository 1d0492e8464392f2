import { promotionBodyText, sanitizePromotionBody } from '../promotions/promotions.body.rules';
import type { TKnowledgeAudience, TKnowledgeState } from './knowledge.schema';

// Pure rules of the knowledge base: who may read an article, its lifecycle, and how search ranks what SQL
// found. Chinese has no spaces between words, so a query is cut into terms: latin words, short Chinese runs
// whole, and the overlapping two-character pieces (bigrams) of longer runs, which is how most Chinese words
// are built. SQL finds candidates by substring (ILIKE) and trigram similarity; the score below orders them.

// ---------------------------------------------------------------- rich text

/**
 * Articles share the promotions' rich-text policy (a small set of formatting, safe links): one sanitiser,
 * so that whatever the editor accepts for one is shown the same in the other.
 */
export function sanitizeArticleBody(html: string): string {
  return sanitizePromotionBody(html);
}

/** The plain text that search reads and highlights. */
export function articlePlainText(html: string): string {
  return promotionBodyText(html);
}

// ---------------------------------------------------------------- visibility and lifecycle

export function audiencesFor(reader: 'retailer' | 'staff'): TKnowledgeAudience[] {
  return reader === 'retailer' ? ['RETAILERS', 'BOTH'] : ['RETAILERS', 'STAFF', 'BOTH'];
}

export function visibleToRetailers(article: { state: TKnowledgeState; audience: TKnowledgeAudience }): boolean {
  return article.state === 'PUBLISHED' && article.audience !== 'STAFF';
}

const TRANSITIONS: Record<'publish' | 'retire' | 'edit', readonly TKnowledgeState[]> = {
  // A retired article may be published again once it has been brought up to date.
  publish: ['DRAFT', 'RETIRED'],
  retire: ['PUBLISHED'],
  // Published articles are edited in place (a correction shows at once); retired ones too, before republishing.
  edit: ['DRAFT', 'PUBLISHED', 'RETIRED'],
};

export function canTransition(from: TKnowledgeState, action: keyof typeof TRANSITIONS): boolean {
  return TRANSITIONS[action].includes(from);
}

// ---------------------------------------------------------------- query terms

const MAX_TERMS = 16;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// Pieces that turn up in almost every question and say nothing about its subject.
const STOP_BIGRAMS = new Set([
  '我想',
  '想问',
  '请问',
  '问一',
  '一下',
  '怎么',
  '么办',
  '如何',
  '可以',
  '什么',
  '为什',
  '么我',
  '我们',
  '你们',
  '他们',
  '没有',
  '问题',
  '这个',
  '那个',
  '一个',
  '是不',
  '不是',
  '能不',
  '不能',
  '的时',
  '时候',
  '了我',
  '我的',
  '的话',
  '还是',
  '现在',
  '已经',
  '谢谢',
  '您好',
  '你好',
  '麻烦',
  '帮我',
  '我要',
  '需要',
]);

/** The query as search reads it: lower case, full-width letters and digits folded to ASCII, spaces collapsed. */
export function normalizeQuery(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The terms a query is matched by. A Chinese run of up to four characters is kept whole (a word such as 发票
 * or 修改密码); a longer one (a sentence typed into a complaint) gives its bigrams, without the stop bigrams.
 */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  const add = (term: string) => {
    if (!terms.includes(term) && terms.length < MAX_TERMS) terms.push(term);
  };
  for (const run of normalizeQuery(query).split(/[^\p{L}\p{N}]+/u)) {
    if (!run) continue;
    // A run mixes scripts ("app登录"): latin and Chinese parts are terms of their own.
    for (const part of run.match(/[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+/g) ?? []) {
      if (!CJK.test(part)) {
        if (part.length >= 2) add(part);
      } else if (part.length <= 4) {
        if (part.length >= 2 && !STOP_BIGRAMS.has(part)) add(part);
        else if (part.length === 1 && run.length === 1) add(part);
      } else {
        for (let i = 0; i + 2 <= part.length; i += 1) {
          const bigram = part.slice(i, i + 2);
          if (!STOP_BIGRAMS.has(bigram)) add(bigram);
        }
      }
    }
  }
  return terms;
}

/** A term as an ILIKE pattern: `%`, `_` and `\` typed by a person are matched literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------- ranking

/** An article as search sees it: plain text of both languages, tags, and pg_trgm's similarity to the query. */
export type TSearchArticle = {
  id: number;
  titleZh: string;
  titleEn: string;
  textZh: string;
  textEn: string;
  tags: string[];
  /** word_similarity of the query to the title and to the body (0…1), the better language; 0 when unknown. */
  titleSimilarity?: number;
  bodySimilarity?: number;
};

/** What one article has of the query. */
export type TSearchMatch = {
  phraseInTitle: boolean;
  phraseInBody: boolean;
  titleHits: number;
  bodyHits: number;
  tagHits: number;
  titleSimilarity: number;
  bodySimilarity: number;
};

export function measureMatch(article: TSearchArticle, phrase: string, terms: string[]): TSearchMatch {
  const title = `${article.titleZh}\n${article.titleEn}`.toLowerCase();
  const body = `${article.textZh}\n${article.textEn}`.toLowerCase();
  const tags = article.tags.map((t) => t.toLowerCase());
  return {
    phraseInTitle: phrase.length > 0 && title.includes(phrase),
    phraseInBody: phrase.length > 0 && body.includes(phrase),
    titleHits: terms.filter((t) => title.includes(t)).length,
    bodyHits: terms.filter((t) => body.includes(t)).length,
    tagHits: terms.filter((t) => tags.includes(t)).length,
    titleSimilarity: article.titleSimilarity ?? 0,
    bodySimilarity: article.bodySimilarity ?? 0,
  };
}

/**
 * Best first: the whole query in the title beats everything, then the share of terms the title holds, then the
 * body; tags the author chose count like a title word; trigram similarity (typos, word order) breaks the rest.
 * The search SQL orders its candidates by the same weights (knowledge.service.ts), so the best reach this rank.
 */
export function knowledgeScore(m: TSearchMatch, termCount: number): number {
  const share = (hits: number) => (termCount > 0 ? Math.min(hits, termCount) / termCount : 0);
  return (
    (m.phraseInTitle ? 6 : 0) +
    (m.phraseInBody ? 2 : 0) +
    share(m.titleHits) * 4 +
    share(m.bodyHits) * 2 +
    Math.min(m.tagHits, 3) * 1.5 +
    m.titleSimilarity * 2 +
    m.bodySimilarity
  );
}

/** Below this an article is not worth showing under a complaint being written (a stray shared bigram). */
export const MIN_SUGGESTION_SCORE = 1.5;

/** The articles that match the query, best first (ties: the lower id, the older article), at most `limit`. */
export function rankArticles<A extends TSearchArticle>(
  articles: A[],
  query: string,
  limit: number,
  minScore = 0,
): (A & { score: number })[] {
  const phrase = normalizeQuery(query);
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  return articles
    .map((a) => ({ ...a, score: Math.round(knowledgeScore(measureMatch(a, phrase, terms), terms.length) * 1000) / 1000 }))
    .filter((a) => a.score > minScore)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit);
}

// ---------------------------------------------------------------- highlighting

export type THighlight = { text: string; match: boolean }[];

/**
 * The text cut into pieces that match one of the terms and pieces that do not, for the page to wrap the
 * matches in <mark>: plain strings, never HTML, so nothing typed can inject markup.
 */
export function highlight(text: string, terms: string[]): THighlight {
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    if (!term) continue;
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
      for (let i = at; i < at + term.length; i += 1) marked[i] = true;
    }
  }
  const pieces: THighlight = [];
  for (let i = 0; i < text.length; i += 1) {
    const last = pieces[pieces.length - 1];
    if (last && last.match === marked[i]) last.text += text[i];
    else pieces.push({ text: text[i]!, match: marked[i]! });
  }
  return pieces;
}

/** About `length` characters of the body around its first match (its start when nothing matches). */
export function excerpt(text: string, terms: string[], length = 80): string {
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
  const start = Number.isFinite(first) ? Math.max(0, first - Math.floor(length / 4)) : 0;
  const piece = text.slice(start, start + length);
  return `${start > 0 ? '…' : ''}${piece}${start + length < text.length ? '…' : ''}`;
}
