import type { DbTx } from '@tobacco/db/client';
import { Prisma } from '@tobacco/db/client';
import { z } from 'zod';
import { upsertProducts } from '../integrations/integrations.service';
import { flagRows, stagedRows, type ImportKindSpec, type ImportRunRef } from './imports.kind';
import { choiceCell, codeCell, textCell, YES_NO, yuanCell } from './imports.rules';

// Products (卷烟规格) from the company's product list: new codes are added, known ones updated, through the
// same statement as the ingestion API's products endpoint.

const COLUMNS = [
  { field: 'code', names: ['卷烟编码', '规格编码', '商品编码', '卷烟代码', 'product_code'], required: true },
  { field: 'brand', names: ['品牌', 'brand'], required: true },
  { field: 'name', names: ['规格名称', '卷烟名称', '名称', 'name'], required: true },
  { field: 'productClass', names: ['类别', '价类', 'product_class', 'class'], required: true },
  { field: 'wholesalePriceFen', names: ['批发价(元)', '批发价', 'wholesale_price'], required: true },
  { field: 'retailPriceFen', names: ['零售价(元)', '建议零售价', '零售价', 'retail_price'], required: true },
  { field: 'scarce', names: ['紧俏', '是否紧俏', 'scarce'], required: false },
  { field: 'active', names: ['在售', '是否在售', 'active'], required: false },
] as const;

const CLASS_NAMES = { 一类: 1, 二类: 2, 三类: 3, 四类: 4, 五类: 5, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };

const ZProductRow = z.object({
  code: codeCell,
  brand: textCell(40),
  name: textCell(80),
  productClass: choiceCell(CLASS_NAMES),
  wholesalePriceFen: yuanCell,
  retailPriceFen: yuanCell,
  scarce: choiceCell(YES_NO, false),
  active: choiceCell(YES_NO, true),
});
type ProductRow = z.output<typeof ZProductRow>;

async function verify(tx: DbTx, run: ImportRunRef): Promise<number> {
  return flagRows(
    tx,
    run.id,
    Prisma.sql`SELECT line, 'code' AS "column", 'imports.error.duplicateInFile' AS code, value FROM (
        SELECT s.line, s.data->>'code' AS value, row_number() OVER (PARTITION BY s.data->>'code' ORDER BY s.line) AS n
        FROM "ImportStagedRow" s WHERE s."runId" = ${run.id} AND s.valid) d WHERE n > 1`,
  );
}

async function apply(tx: DbTx, run: ImportRunRef) {
  const rows = await stagedRows<ProductRow>(tx, run.id);
  const result = await upsertProducts(tx, rows, run.now);
  return { applied: rows.length, summary: result };
}

export const PRODUCTS_IMPORT: ImportKindSpec = {
  kind: 'PRODUCTS',
  permission: 'products.import',
  columns: COLUMNS,
  row: ZProductRow,
  maxRows: 20_000,
  partial: false,
  verify,
  apply,
};
