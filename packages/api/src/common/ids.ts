import { z } from 'zod';

// Ids and counts live in PostgreSQL `integer` columns (32 bits). A number beyond that range is refused at the
// edge with a validation error; it would otherwise pass zod and fail in the database as a 500.
export const INT4_MAX = 2_147_483_647;

/** Every id of a row: a positive 32-bit integer. */
export const ZId = z.number().int('errors.input.integer').positive('errors.input.outOfRange').max(INT4_MAX, 'errors.input.outOfRange');
