import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { addDays, chinaDateTime } from '../schedule/calendar.rules';
import { backofficeCallerFor, staffActor } from '../testing/callers';
import { applyChecked, uploadAndCheck } from '../testing/imports';
import { createPolicy, createProduct, ensureCycle } from '../testing/portal-fixtures';
import { createIntegration, ingestOrder } from '../integrations/integrations.service';
import { uploadImport } from './imports.service';

// The import framework on real PostgreSQL, through the service functions the upload route, the procedures
// and the jobs call. Orders fall in weeks of 2084, which no other test file uses.

const db = testDb();
const MONDAY = '2084-03-06';
const now = chinaDateTime(addDays(MONDAY, 1), '10:00');
let passwordHash: string;
let admin: Awaited<ReturnType<typeof createStaff>>;
let marketing: Awaited<ReturnType<typeof createStaff>>;
let manager: Awaited<ReturnType<typeof createStaff>>;
let shop: Awaited<ReturnType<typeof createRetailer>>;
let other: Awaited<ReturnType<typeof createRetailer>>;
let limited: Awaited<ReturnType<typeof createProduct>>;
let free: Awaited<ReturnType<typeof createProduct>>;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  const districtId = (await createDistrict(db)).id;
  admin = await createStaff(db, { roles: ['ADMIN'], passwordHash });
  marketing = await createStaff(db, { roles: ['MARKETING'], passwordHash });
  manager = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
  shop = await createRetailer(db, { districtId, passwordHash, grade: 12, orderWeekday: 3 });
  other = await createRetailer(db, { districtId, passwordHash, grade: 12, orderWeekday: 3 });
  limited = await createProduct(db, { scarce: true });
  free = await createProduct(db);
  const cycle = await ensureCycle(db, MONDAY);
  await createPolicy(db, {
    cycleId: cycle.id,
    createdById: marketing.id,
    publishedAt: chinaDateTime(addDays(MONDAY, -2), '12:00'),
    limits: [{ productId: limited.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 5 }],
  });
});

const as = (user: { id: number; roles: { role: string }[] }) => staffActor(user);
const HEADER = '许可证号,订单号,订货时间,卷烟编码,数量(条),单价(元),状态';
const at = (offsetDays: number, time = '09:30') => `${addDays(MONDAY, offsetDays)} ${time}`;
let orderSeq = 0;
const orderNo = () => `IMP-${process.pid}-${Date.now()}-${(orderSeq += 1)}`;

describe('orders by file', () => {
  it('writes orders and their lines in the cycle the calendar gives, flagging lines beyond the limit', async () => {
    const [first, second] = [orderNo(), orderNo()];
    const csv = [
      HEADER,
      `${shop.licenceNo},${first},${at(1)},${limited.code},4,200.00,确认`,
      `${shop.licenceNo},${first},${at(1)},${free.code},10,"1,250.5",确认`,
      // A later order of the same cycle takes the shop past its 5 条: 3 of these 4 go beyond.
      `${shop.licenceNo},${second},${at(2, '08:00')},${limited.code},4,200,已确认`,
    ].join('\r\n');
    const checked = await uploadAndCheck(db, as(admin), { kind: 'ORDERS', content: `\uFEFF${csv}`, now });
    expect(checked).toMatchObject({ status: 'CHECKED', encoding: 'utf-8', totalRows: 3, validRows: 3, invalidRows: 0, errorCount: 0 });

    const applied = await applyChecked(db, as(admin), checked.id, { now });
    expect(applied).toMatchObject({ status: 'APPLIED', appliedRows: 3, summary: { orders: 2, lines: 3, overLimitLines: 1 } });
    const orders = await db.order.findMany({
      where: { externalRef: { in: [first, second] } },
      include: { lines: { include: { product: true } }, cycle: true },
      orderBy: { orderedAt: 'asc' },
    });
    expect(orders.map((o) => [o.retailerId, o.cycle.weekStart.toISOString().slice(0, 10), o.importRunId, o.status])).toEqual([
      [shop.id, MONDAY, checked.id, 'CONFIRMED'],
      [shop.id, MONDAY, checked.id, 'CONFIRMED'],
    ]);
    expect(orders[0]!.totalQuantity).toBe(14);
    expect(orders[0]!.totalAmountFen).toBe(4n * 20_000n + 10n * 125_050n);
    expect(orders[1]!.lines.map((l) => [l.product.code, l.quantity, l.overLimitBy])).toEqual([[limited.code, 4, 3]]);
    // The staged rows and the file are gone once applied; the history keeps the counts.
    expect(await db.importStagedRow.count({ where: { runId: checked.id } })).toBe(0);
    expect(await db.importFileChunk.count({ where: { runId: checked.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: 'import.apply', entityId: String(checked.id) } })).toBe(1);
  });

  it('reports every bad row with its line and column, writes nothing, and on request writes only whole valid orders', async () => {
    const [good, mixed, inconsistent, dup, existing] = [orderNo(), orderNo(), orderNo(), orderNo(), orderNo()];
    await applyChecked(
      db,
      as(admin),
      (
        await uploadAndCheck(db, as(admin), {
          kind: 'ORDERS',
          content: [HEADER, `${other.licenceNo},${existing},${at(1)},${free.code},1,1,确认`].join('\n'),
          now,
        })
      ).id,
      { now },
    );
    const csv = [
      HEADER,
      `${other.licenceNo},${good},${at(1)},${free.code},2,200,确认`, // 2: valid
      `${other.licenceNo},${mixed},${at(1)},${free.code},2,200,确认`, // 3: valid, but its order has a bad line
      `${other.licenceNo},${mixed},${at(1)},${limited.code},-1,200,确认`, // 4: negative
      `${other.licenceNo},${orderNo()},${at(1)},${free.code},1.5,200,确认`, // 5: fraction
      `999999999999,${orderNo()},${at(1)},${free.code},1,200,确认`, // 6: unknown licence
      `${other.licenceNo},${orderNo()},${at(1)},NOPE,1,200,确认`, // 7: unknown product
      `${other.licenceNo},${inconsistent},${at(1)},${free.code},1,200,确认`, // 8, 9: disagree on time
      `${other.licenceNo},${inconsistent},${at(2)},${limited.code},1,200,确认`,
      `${other.licenceNo},${dup},${at(1)},${free.code},1,200,确认`, // 10, 11: product twice
      `${other.licenceNo},${dup},${at(1)},${free.code},1,200,确认`,
      `${other.licenceNo},${existing},${at(1)},${free.code},1,1,确认`, // 12: already imported
      `${other.licenceNo},${orderNo()},${at(70)},${free.code},1,200,确认`, // 13: no cycle that week
      `${other.licenceNo},${orderNo()},2084-02-30 10:00,${free.code},1,200,确认`, // 14: no such day
      `${other.licenceNo},${orderNo()},${at(1)},${free.code},1,200,也许`, // 15: unknown status
    ].join('\n');
    const checked = await uploadAndCheck(db, as(admin), { kind: 'ORDERS', content: csv, now });
    const report = await backofficeCallerFor(db, as(admin)).imports.errors({ id: checked.id });
    expect(report.items.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'orderNo', 'imports.error.orderIncomplete'],
      [4, 'quantity', 'imports.error.positive'],
      [5, 'quantity', 'imports.error.whole'],
      [6, 'licenceNo', 'imports.error.unknownLicence'],
      [7, 'productCode', 'imports.error.unknownProduct'],
      [8, 'orderNo', 'imports.error.orderInconsistent'],
      [9, 'orderNo', 'imports.error.orderInconsistent'],
      [10, 'orderNo', 'imports.error.orderIncomplete'],
      [11, 'productCode', 'imports.error.duplicateLine'],
      [12, 'orderNo', 'imports.error.orderExists'],
      [13, 'orderedAt', 'imports.error.noCycle'],
      [14, 'orderedAt', 'imports.error.dateTime'],
      [15, 'status', 'imports.error.choice'],
    ]);
    // Lines 3 and 10 are valid on their own, and held back with their orders' bad lines.
    expect(checked).toMatchObject({ status: 'CHECKED', totalRows: 14, invalidRows: 13, validRows: 1 });
    expect(await db.order.count({ where: { externalRef: { in: [good, mixed, dup] } } })).toBe(0);

    await expect(backofficeCallerFor(db, as(admin)).imports.confirm({ id: checked.id })).rejects.toMatchObject({
      cause: { messageKey: 'imports.errors.notAllValid' },
    });
    const applied = await applyChecked(db, as(admin), checked.id, { validOnly: true, now });
    expect(applied).toMatchObject({ status: 'APPLIED', appliedValidOnly: true, summary: { orders: 1, lines: 1 } });
    const written = await db.order.findMany({ where: { importRunId: checked.id }, include: { lines: true } });
    expect(written.map((o) => [o.externalRef, o.lines.length])).toEqual([[good, 1]]);
  });

  it('answers the ingestion API’s replay of an order first read from a file as a replay, and a changed one as a conflict', async () => {
    const number = orderNo();
    const checked = await uploadAndCheck(db, as(admin), {
      kind: 'ORDERS',
      content: [HEADER, `${shop.licenceNo},${number},${at(1)},${free.code},3,150.00,确认`].join('\n'),
      now,
    });
    await applyChecked(db, as(admin), checked.id, { now });
    const integration = await createIntegration({ db, actor: as(admin), clock: () => now }, { name: `file-${number}` });
    const sent = {
      licenceNo: shop.licenceNo,
      externalOrderNo: number,
      orderedAt: `${addDays(MONDAY, 1)}T09:30:00+08:00`,
      status: 'CONFIRMED' as const,
      channel: 'ONLINE' as const,
      lines: [{ productCode: free.code, quantity: 3, unitPriceFen: 15_000 }],
    };
    expect(await ingestOrder(db, integration, sent, now)).toMatchObject({ outcome: 'replayed' });
    expect(
      await ingestOrder(db, integration, { ...sent, lines: [{ productCode: free.code, quantity: 4, unitPriceFen: 15_000 }] }, now),
    ).toMatchObject({ outcome: 'conflict', differences: [{ field: `lines[${free.code}].quantity`, stored: 3, received: 4 }] });
  });

  it('checks again when applied: an order number written since the report sends the import back with a new report', async () => {
    const number = orderNo();
    const checked = await uploadAndCheck(db, as(admin), {
      kind: 'ORDERS',
      content: [HEADER, `${shop.licenceNo},${number},${at(1)},${free.code},1,200,确认`].join('\n'),
      now,
    });
    expect(checked.validRows).toBe(1);
    const cycle = await ensureCycle(db, MONDAY);
    await db.order.create({
      data: {
        retailerId: shop.id,
        cycleId: cycle.id,
        orderDate: new Date(`${MONDAY}T00:00:00Z`),
        channel: 'ONLINE',
        totalQuantity: 1,
        totalAmountFen: 1n,
        externalRef: number,
      },
    });
    const after = await applyChecked(db, as(admin), checked.id, { now });
    expect(after).toMatchObject({ status: 'CHECKED', validRows: 0, invalidRows: 1, errorCount: 1 });
    expect(await db.order.count({ where: { importRunId: checked.id } })).toBe(0);
  });
});

describe('encodings and formats', () => {
  it('reads a GB18030 CSV as Excel on Chinese Windows saves it, Chinese text intact', async () => {
    const code = `GB${Date.now()}`;
    const csv = ['卷烟编码,品牌,规格名称,类别,批发价(元),零售价(元),紧俏', `${code},黄鹤楼,黄鹤楼（硬珍品）,一类,300.00,350,是`].join(
      '\r\n',
    );
    const checked = await uploadAndCheck(db, as(marketing), { kind: 'PRODUCTS', content: iconv.encode(csv, 'gb18030'), now });
    expect(checked).toMatchObject({ status: 'CHECKED', encoding: 'gb18030', validRows: 1, invalidRows: 0 });
    expect(await applyChecked(db, as(marketing), checked.id, { now })).toMatchObject({ status: 'APPLIED', summary: { created: 1 } });
    expect(await db.product.findUniqueOrThrow({ where: { code } })).toMatchObject({
      brand: '黄鹤楼',
      name: '黄鹤楼（硬珍品）',
      productClass: 1,
      wholesalePriceFen: 30_000,
      retailPriceFen: 35_000,
      scarce: true,
    });
  });

  it('reads an .xlsx allocation file into a draft policy, and refuses a policy that is no longer a draft', async () => {
    const draft = await createPolicy(db, {
      cycleId: (await ensureCycle(db, addDays(MONDAY, 7))).id,
      createdById: marketing.id,
      state: 'DRAFT',
      limits: [],
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('限量');
    sheet.addRow(['规格编码', '起始档位', '截止档位', '限量（条）']);
    sheet.addRow([limited.code, 1, 20, 4]);
    sheet.addRow([limited.code, 21, 30, 9]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const checked = await uploadAndCheck(db, as(marketing), {
      kind: 'ALLOCATION',
      content: bytes,
      fileName: '限量.xlsx',
      options: { policyId: draft.id },
      now,
    });
    expect(checked).toMatchObject({ status: 'CHECKED', encoding: 'xlsx', validRows: 2, invalidRows: 0 });
    expect(await applyChecked(db, as(marketing), checked.id, { now })).toMatchObject({ status: 'APPLIED', appliedRows: 2 });
    const limits = await db.allocationLimit.findMany({ where: { policyId: draft.id }, orderBy: { gradeFrom: 'asc' } });
    expect(limits.map((l) => [l.gradeFrom, l.gradeTo, l.limitQuantity])).toEqual([
      [1, 20, 4],
      [21, 30, 9],
    ]);

    const published = await createPolicy(db, {
      cycleId: (await ensureCycle(db, addDays(MONDAY, 14))).id,
      createdById: marketing.id,
      limits: [],
    });
    await expect(
      uploadAndCheck(db, as(marketing), { kind: 'ALLOCATION', content: bytes, options: { policyId: published.id }, now }),
    ).rejects.toMatchObject({ messageKey: 'allocation.staff.errors.notEditable' });
  });

  it('reports overlapping bands and unknown products in an allocation file, and writes nothing', async () => {
    const draft = await createPolicy(db, {
      cycleId: (await ensureCycle(db, addDays(MONDAY, 21))).id,
      createdById: marketing.id,
      state: 'DRAFT',
      limits: [],
    });
    const csv = [
      'product_code,grade_from,grade_to,limit',
      `${limited.code},1,20,4`,
      `${limited.code},15,30,6`,
      'NOPE,1,30,5',
      `${free.code},12,3,1`,
    ].join('\n');
    const checked = await uploadAndCheck(db, as(marketing), { kind: 'ALLOCATION', content: csv, options: { policyId: draft.id }, now });
    const report = await backofficeCallerFor(db, as(marketing)).imports.errors({ id: checked.id });
    expect(report.items.map((e) => [e.line, e.code])).toEqual([
      [3, 'imports.error.bandOverlap'],
      [4, 'imports.error.unknownProduct'],
      [5, 'imports.error.gradeOrder'],
    ]);
    expect(await db.allocationLimit.count({ where: { policyId: draft.id } })).toBe(0);
  });

  it('rejects what cannot be read, saying why: wrong encoding, missing columns, a header alone, an empty file', async () => {
    const binary = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 1, 2, 3]);
    expect(await uploadAndCheck(db, as(admin), { kind: 'ORDERS', content: binary, fileName: 'old.xls', now })).toMatchObject({
      status: 'REJECTED',
      rejectReason: 'imports.reject.encoding',
    });
    expect(await uploadAndCheck(db, as(admin), { kind: 'ORDERS', content: '许可证号,订单号\n1,2', now })).toMatchObject({
      status: 'REJECTED',
      rejectReason: 'imports.reject.missingColumns',
      summary: { params: { columns: ['订货时间', '卷烟编码', '数量(条)', '单价(元)'] } },
    });
    expect(await uploadAndCheck(db, as(admin), { kind: 'ORDERS', content: `${HEADER}\r\n`, now })).toMatchObject({
      status: 'REJECTED',
      rejectReason: 'imports.reject.noRows',
    });
    await expect(uploadAndCheck(db, as(admin), { kind: 'ORDERS', content: '', now })).rejects.toMatchObject({
      messageKey: 'imports.reject.empty',
    });
    const broken = await uploadAndCheck(db, as(admin), { kind: 'ORDERS', content: `${HEADER}\n"unclosed,1,2`, now });
    expect(broken).toMatchObject({ status: 'REJECTED', rejectReason: 'imports.reject.csv' });
  });
});

describe('integrity levels by file', () => {
  it('records each change through the one writer, capping a shop that falls to C', async () => {
    const district = await createDistrict(db);
    const high = await createRetailer(db, { districtId: district.id, passwordHash, grade: 25 });
    const csv = ['许可证号,诚信等级,生效日期,原因', `${high.licenceNo},C,${addDays(MONDAY, 0)},专卖检查发现违规`].join('\n');
    const checked = await uploadAndCheck(db, as(admin), { kind: 'INTEGRITY', content: csv, now });
    expect(checked).toMatchObject({ status: 'CHECKED', validRows: 1 });
    expect(await applyChecked(db, as(admin), checked.id, { now })).toMatchObject({
      status: 'APPLIED',
      summary: { recorded: 1, capped: 1 },
    });
    const after = await db.retailer.findUniqueOrThrow({ where: { id: high.id } });
    expect(after.integrityLevel).toBe('C');
    expect(after.grade).toBeLessThan(25);
    expect(await db.integrityRecord.count({ where: { retailerId: high.id, source: 'IMPORT' } })).toBe(1);
  });
});

describe('who may import what', () => {
  it('lets each person import and see only the kinds their permissions name', async () => {
    await expect(
      uploadImport(
        { db, actor: as(marketing), clock: () => now },
        {
          kind: 'ORDERS',
          fileName: 'x.csv',
          options: {},
          body: (async function* () {
            yield new Uint8Array([1]);
          })(),
        },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const adminImport = await uploadAndCheck(db, as(admin), { kind: 'ORDERS', content: `${HEADER}\r\n`, now });
    await expect(backofficeCallerFor(db, as(marketing)).imports.get({ id: adminImport.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const seen = await backofficeCallerFor(db, as(marketing)).imports.list({ page: 1 });
    expect(seen.kinds.sort()).toEqual(['ALLOCATION', 'PRODUCTS']);
    expect(seen.items.every((i) => i.kind === 'ALLOCATION' || i.kind === 'PRODUCTS')).toBe(true);
    await expect(backofficeCallerFor(db, as(manager)).imports.list({ page: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backofficeCallerFor(db, as(marketing)).imports.discard({ id: adminImport.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
