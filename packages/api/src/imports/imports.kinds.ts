import type { ImportKind } from '@tobacco/db/enums';
import { ALLOCATION_IMPORT } from './imports.allocation';
import { INTEGRITY_IMPORT } from './imports.integrity';
import type { ImportKindSpec } from './imports.kind';
import { ORDERS_IMPORT } from './imports.orders';
import { PRODUCTS_IMPORT } from './imports.products';
import { RETAILERS_IMPORT } from './imports.retailers';

/** Every kind of file import, one line each. */
export const IMPORT_KINDS: Record<ImportKind, ImportKindSpec> = {
  ORDERS: ORDERS_IMPORT,
  PRODUCTS: PRODUCTS_IMPORT,
  RETAILERS: RETAILERS_IMPORT,
  INTEGRITY: INTEGRITY_IMPORT,
  ALLOCATION: ALLOCATION_IMPORT,
};
