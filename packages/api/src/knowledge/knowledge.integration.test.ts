import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDepartment, createDistrict, createRetailer, createStaff, testDb, uniqueNumber } from '@tobacco/db/testing';
import type { Actor } from '../actor';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import type { TCreateArticleInput } from './knowledge.schema';

// Each test writes articles with a word of its own (a latin token, one search term), so that tests running
// side by side on one database find each other's articles only through the Chinese words they share.
const db = testDb();
const clock = () => new Date('2033-05-10T02:00:00Z');
// Hashed, so that two tests' tokens share no trigrams either (similar tokens would match as near misses).
const uniqueWord = () => `kb${createHash('sha1').update(String(uniqueNumber())).digest('hex').slice(0, 10)}`;

let departmentId: number;
let agent: Actor;
let manager: Actor;
let accountManager: Actor;
let marketing: Actor;
let shopA: Actor;
let shopB: Actor;
let shopAId: number;

const staff = (actor: Actor) => backofficeCallerFor(db, actor, clock);
const portal = (actor: Actor) => portalCallerFor(db, actor, clock);

function article(word: string, overrides: Partial<TCreateArticleInput> = {}): TCreateArticleInput {
  return {
    category: 'INVOICE',
    audience: 'RETAILERS',
    departmentId,
    tags: ['发票'],
    titleZh: `如何开具发票${word}`,
    titleEn: `How to get an invoice ${word}`,
    bodyZh: `<p>每月结算后在订单页申请开票${word}。</p>`,
    bodyEn: `<p>Request the invoice on the Orders page ${word}.</p>`,
    ...overrides,
  };
}

async function published(word: string, overrides: Partial<TCreateArticleInput> = {}) {
  const created = await staff(agent).knowledge.create(article(word, overrides));
  const done = await staff(manager).knowledge.publish(created);
  return { id: created.id, version: done.version };
}

const code = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? 'THROWN';
  }
};

beforeAll(async () => {
  const passwordHash = await hashPassword('irrelevant-1');
  departmentId = (await createDepartment(db)).id;
  const districtId = (await createDistrict(db)).id;
  agent = staffActor(await createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash }));
  manager = staffActor(await createStaff(db, { roles: ['MANAGER'], passwordHash }));
  accountManager = staffActor(await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }));
  marketing = staffActor(await createStaff(db, { roles: ['MARKETING'], passwordHash }));
  const a = await createRetailer(db, { districtId, passwordHash });
  const b = await createRetailer(db, { districtId, passwordHash });
  shopAId = a.id;
  shopA = retailerActor(a);
  shopB = retailerActor(b);
});

describe('writing, publishing and retiring', () => {
  it('lets an agent write and a manager publish; others are refused', async () => {
    const word = uniqueWord();
    expect(await code(staff(marketing).knowledge.create(article(word)))).toBe('FORBIDDEN');
    expect(await code(staff(accountManager).knowledge.create(article(word)))).toBe('FORBIDDEN');
    const created = await staff(agent).knowledge.create(article(word));
    // An agent writes but does not publish; a retailer cannot reach the back office at all.
    expect(await code(staff(agent).knowledge.publish(created))).toBe('FORBIDDEN');
    expect(await code(staff(accountManager).knowledge.publish(created))).toBe('FORBIDDEN');
    expect(await code(backofficeCallerFor(db, shopA, clock).knowledge.publish(created))).toBe('FORBIDDEN');
    expect(await code(backofficeCallerFor(db, null, clock).knowledge.publish(created))).toBe('UNAUTHORIZED');

    const done = await staff(manager).knowledge.publish(created);
    expect(done).toMatchObject({ state: 'PUBLISHED', version: created.version + 1 });
    const row = await db.knowledgeArticle.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.publishedAt).toEqual(clock());
    const audit = await db.auditLog.findMany({
      where: { entityType: 'KnowledgeArticle', entityId: String(created.id) },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['knowledge.create', 'knowledge.publish']);

    expect(await code(staff(agent).knowledge.retire(done))).toBe('FORBIDDEN');
    const retired = await staff(manager).knowledge.retire(done);
    expect(retired.state).toBe('RETIRED');
    // Retiring twice, or with the version seen before the last change, is refused.
    expect(await code(staff(manager).knowledge.retire(retired))).toBe('PRECONDITION_FAILED');
    expect(await code(staff(manager).knowledge.publish(done))).toBe('CONFLICT');
  });

  it('sanitises the rich text and keeps a plain-text copy for search', async () => {
    const word = uniqueWord();
    const created = await staff(agent).knowledge.create(
      article(word, {
        bodyZh: `<p>第一段${word}<script>alert(1)</script></p><p><a href="javascript:x()">坏链接</a><a href="https://example.com/a">好链接</a>第二段</p>`,
      }),
    );
    const row = await db.knowledgeArticle.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.bodyZh).not.toContain('script');
    expect(row.bodyZh).not.toContain('javascript');
    expect(row.bodyZh).toContain('href="https://example.com/a"');
    expect(row.textZh).toBe(`第一段${word} 好链接第二段`);
  });

  it('refuses bad input with translated messages, and markup without text', async () => {
    const word = uniqueWord();
    await expect(staff(agent).knowledge.create({ ...article(word), titleZh: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('knowledge.validation.titleZh'),
    });
    await expect(staff(agent).knowledge.create({ ...article(word), bodyZh: '<script>x</script>' })).rejects.toMatchObject({
      cause: { messageKey: 'knowledge.validation.bodyZh' },
    });
    await expect(staff(agent).knowledge.create({ ...article(word), departmentId: 2_000_000_000 })).rejects.toMatchObject({
      cause: { messageKey: 'knowledge.validation.department' },
    });
  });

  it('edits at the version seen, and lists with filters and pages', async () => {
    const word = uniqueWord();
    const first = await staff(agent).knowledge.create(article(word, { category: 'ORDERING' }));
    await staff(agent).knowledge.create(article(word, { category: 'ORDERING', titleZh: `订货须知${word}` }));
    const edited = await staff(agent).knowledge.update({
      ...first,
      ...article(word, { category: 'ORDERING', titleZh: `订货步骤${word}` }),
    });
    expect(edited.version).toBe(first.version + 1);
    expect(await code(staff(agent).knowledge.update({ ...first, ...article(word) }))).toBe('CONFLICT');

    const list = await staff(accountManager).knowledge.list({ q: word, category: 'ORDERING', pageSize: 20 });
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.titleZh)).toEqual([`订货步骤${word}`, `订货须知${word}`]);
    const drafts = await staff(accountManager).knowledge.list({ q: word, state: 'PUBLISHED' });
    expect(drafts.total).toBe(0);
    expect((await staff(accountManager).knowledge.list({ q: word, departmentId })).total).toBe(2);
    const other = await createDepartment(db);
    expect((await staff(accountManager).knowledge.list({ q: word, departmentId: other.id })).total).toBe(0);
    const page2 = await staff(accountManager).knowledge.list({ q: word, pageSize: 20, page: 2 });
    expect(page2).toMatchObject({ total: 2, rows: [] });
  });
});

describe('what retailers see', () => {
  it('finds published articles for retailers by a Chinese substring, best first, with highlights', async () => {
    const word = uniqueWord();
    const inTitle = await published(word);
    const inBody = await published(word, { titleZh: `结算说明${word}`, tags: [], bodyZh: `<p>结算成功后可申请发票${word}。</p>` });
    const result = await portal(shopA).knowledge.search({ q: `发票${word}` });
    expect(result.hits.map((h) => h.id)).toEqual([inTitle.id, inBody.id]);
    expect(
      result.hits[0]!.title.zh.filter((p) => p.match)
        .map((p) => p.text)
        .join(''),
    ).toContain('发票');
  });

  it('finds a title through a typo by trigram similarity, and pg_trgm reads Chinese characters as words', async () => {
    const word = uniqueWord();
    const fridge = await published(word, { titleEn: `Fridge thermometer ${word}`, titleZh: `冷柜温度计${word}` });
    // "thermometr" is no substring of the title: only word_similarity finds it.
    const hits = (await portal(shopA).knowledge.search({ q: 'thermometr' })).hits.map((h) => h.id);
    expect(hits).toContain(fridge.id);
    const [row] = await db.$queryRaw<{ s: number }[]>`SELECT word_similarity('开具发票', '如何开具增值税发票')::float8 AS s`;
    expect(row!.s).toBeGreaterThan(0);
  });

  it('never shows drafts, retired or staff-only articles to a retailer, by search or by id', async () => {
    const word = uniqueWord();
    const staffOnly = await published(word, { audience: 'STAFF' });
    const both = await published(word, { audience: 'BOTH' });
    const draft = await staff(agent).knowledge.create(article(word));
    const retired = await published(word);
    await staff(manager).knowledge.retire(retired);

    const hits = (await portal(shopA).knowledge.search({ q: word })).hits.map((h) => h.id);
    expect(hits).toEqual([both.id]);
    const byChineseWord = (await portal(shopA).knowledge.search({ q: '发票' })).hits.map((h) => h.id);
    for (const id of [staffOnly.id, draft.id, retired.id]) expect(byChineseWord).not.toContain(id);
    for (const id of [staffOnly.id, draft.id, retired.id]) {
      expect(await code(portal(shopA).knowledge.get({ id }))).toBe('NOT_FOUND');
      expect(await code(portal(shopA).knowledge.solved({ articleId: id }))).toBe('NOT_FOUND');
    }
    expect((await portal(shopA).knowledge.get({ id: both.id })).titleZh).toContain(word);
    expect((await portal(shopA).knowledge.list()).map((a) => a.id)).not.toContain(staffOnly.id);
    // Staff search every published article, staff-only ones too, for their canned replies.
    const replies = await staff(agent).knowledge.searchReplies({ q: word });
    expect(replies.hits.map((h) => h.id).sort()).toEqual([staffOnly.id, both.id].sort());
    expect(replies.hits[0]!.textZh).toContain(word);
    expect(await code(staff(marketing).knowledge.searchReplies({ q: word }))).toBe('FORBIDDEN');
    // Staff procedures are not in the portal's router, and the portal refuses staff.
    expect(await code(portalCallerFor(db, agent, clock).knowledge.search({ q: word }))).toBe('FORBIDDEN');
  });

  it('keeps the searches that found nothing for the owners, grouped and counted', async () => {
    const word = uniqueWord();
    expect((await portal(shopA).knowledge.search({ q: `未收录${word}` })).hits).toEqual([]);
    await portal(shopB).knowledge.search({ q: `未收录${word}` });
    const insights = await staff(agent).knowledge.insights({ days: 7 });
    expect(insights.misses.find((m) => m.query === `未收录${word}`)).toMatchObject({ n: 2 });
    expect(await code(staff(accountManager).knowledge.insights({ days: 7 }))).toBe('FORBIDDEN');
  });
});

describe('suggestions while filing, and deflection', () => {
  it('suggests matching articles for what the retailer is writing, without staff-only ones', async () => {
    const word = uniqueWord();
    const invoice = await published(word);
    const internal = await published(word, { audience: 'STAFF', titleZh: `内部：发票作废流程${word}` });
    const typed = `我想问一下怎么开发票，${word}`;
    const { hits } = await portal(shopA).knowledge.suggest({ text: typed });
    // Best first: the article with the retailer's own words; other tests' invoice articles may follow.
    expect(hits[0]!.id).toBe(invoice.id);
    expect(hits.map((h) => h.id)).not.toContain(internal.id);
    expect(hits.length).toBeLessThanOrEqual(3);
    // A few stray characters are no reason to suggest anything, and suggestions record no failed search.
    expect((await portal(shopA).knowledge.suggest({ text: '好' })).hits).toEqual([]);
    expect(await db.knowledgeSearchMiss.count({ where: { query: { contains: word } } })).toBe(0);
  });

  it('counts "this solved it" once per shop and day, files no case, and shows it to the owners', async () => {
    const word = uniqueWord();
    const invoice = await published(word);
    const casesBefore = await db.complaint.count({ where: { retailerId: shopAId } });
    expect(await portal(shopA).knowledge.solved({ articleId: invoice.id, query: `发票${word}` })).toEqual({ recorded: true });
    expect(await portal(shopA).knowledge.solved({ articleId: invoice.id })).toEqual({ recorded: false });
    await portal(shopB).knowledge.solved({ articleId: invoice.id });
    await portal(shopB).knowledge.notHelpful({ articleId: invoice.id });
    expect(await db.complaint.count({ where: { retailerId: shopAId } })).toBe(casesBefore);

    const insights = await staff(manager).knowledge.insights({ days: 30 });
    expect(insights.articles.find((a) => a.id === invoice.id)).toMatchObject({ deflected: 2, notHelpful: 1 });
    expect(insights.totals.deflected).toBeGreaterThanOrEqual(2);
  });
});
