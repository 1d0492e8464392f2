import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
// The core error class: schemas written with zod and with zod/mini (the forms' smaller build) both throw it.
import { $ZodError as ZodError } from 'zod/v4/core';
import { hasPermission, type Permission } from '@tobacco/auth/permissions';
import { replicaOf } from '@tobacco/db/replica';
import type { MessageKey, MessageParams } from '@tobacco/i18n/messages';
import { unsafeInput } from '../common/input-guard';
import { DomainError, type DomainErrorCode } from '../errors';
import { isDatabaseUnavailable, markDatabaseUnavailable } from '../ops/db-unavailable';
import { getLogger } from '../ops/logger';
import { observeRequest } from '../ops/metrics';
import type { Context } from './context';

const TRPC_CODE: Record<DomainErrorCode, TRPCError['code']> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  INVALID_STATE: 'PRECONDITION_FAILED',
  LIMIT_EXCEEDED: 'UNPROCESSABLE_CONTENT',
  VALIDATION: 'BAD_REQUEST',
};

type ErrorData = { messageKey: MessageKey; params?: MessageParams; requestId?: string; fieldErrors?: Record<string, string[]> };

/** What a procedure declares about who may call it; the access-matrix test reads it from the routers. */
export type ProcedureMeta = { permission?: Permission; temporaryPassword?: boolean; anonymous?: boolean };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    // The one place errors become what a client sees: a message key to translate, never internals.
    errorFormatter({ shape, error, ctx }) {
      const cause = error.cause;
      const data: ErrorData =
        cause instanceof DomainError
          ? { messageKey: cause.messageKey, params: cause.params }
          : cause instanceof ZodError
            ? { messageKey: 'errors.VALIDATION', fieldErrors: fieldErrors(cause) }
            : error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND'
              ? { messageKey: `errors.${error.code}` as MessageKey }
              : error.code === 'SERVICE_UNAVAILABLE'
                ? { messageKey: 'errors.unavailable', requestId: ctx?.requestId }
                : { messageKey: 'errors.unexpected', params: { requestId: ctx?.requestId ?? '-' }, requestId: ctx?.requestId };
      const internal = !(cause instanceof DomainError) && !(cause instanceof ZodError) && error.code === 'INTERNAL_SERVER_ERROR';
      return {
        ...shape,
        message: internal ? 'Internal error' : shape.message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, ...data },
      };
    },
  });

function fieldErrors(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

// DomainErrors become tRPC errors with the right status; a database that is down or restarting becomes
// 503 (retry shortly); anything else is logged with the request id.
const errorBoundary = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR' && isDatabaseUnavailable(cause ?? result.error)) {
      getLogger().warn({ requestId: ctx.requestId, procedure: path }, 'database unavailable');
      markDatabaseUnavailable(() => ctx.db.$queryRaw`SELECT 1`);
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Database unavailable', cause });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      getLogger().error({ requestId: ctx.requestId, procedure: path, err: cause ?? result.error }, 'request failed');
    }
  }
  return result;
});

// Every procedure refuses out-of-range numbers and control characters before its own schema runs.
const inputGuard = t.middleware(async ({ getRawInput, next }) => {
  const problem = unsafeInput(await getRawInput());
  if (problem) throw new DomainError('VALIDATION', problem);
  return next();
});

// One log line and one metrics observation per procedure call: who called (kind only, never who), what,
// how long, and how it ended. Inputs are not logged: they carry names and phone numbers.
const requestLog = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  const outcome = result.ok ? 'ok' : result.error.code;
  observeRequest(path, outcome, durationMs / 1000);
  const line = { requestId: ctx.requestId, procedure: path, type, durationMs, outcome, caller: ctx.actor?.kind ?? 'anonymous' };
  if (result.ok || outcome !== 'INTERNAL_SERVER_ERROR') getLogger().info(line, 'request');
  else getLogger().error(line, 'request');
  return result;
});

export const publicProcedure = t.procedure.use(requestLog).use(errorBoundary).use(inputGuard);

/**
 * For people who cannot sign in (a forgotten password): no actor, and a signed-in caller is refused (they
 * change their password on the profile page). Such a procedure throttles by the caller's address itself.
 */
export const anonymousProcedure = publicProcedure.meta({ anonymous: true }).use(({ ctx, next }) => {
  if (ctx.actor) throw new TRPCError({ code: 'FORBIDDEN' });
  return next({ ctx: { ...ctx, actor: null } });
});

export const retailerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED' });
  if (ctx.actor.kind !== 'retailer') throw new TRPCError({ code: 'FORBIDDEN' });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

const signedInStaffProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED' });
  if (ctx.actor.kind !== 'staff') throw new TRPCError({ code: 'FORBIDDEN' });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/**
 * Staff still holding a temporary password: only for reading who they are and changing the password.
 * Every other staff procedure refuses them until they have changed it.
 */
export const temporaryPasswordProcedure = signedInStaffProcedure.meta({ temporaryPassword: true });

export const staffProcedure = signedInStaffProcedure.use(({ ctx, next }) => {
  if (ctx.actor.mustChangePassword) throw new DomainError('FORBIDDEN', 'admin.password.mustChangeFirst');
  return next();
});

export function requirePermission(permission: Permission) {
  return staffProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!hasPermission(ctx.actor.roles, permission)) throw new TRPCError({ code: 'FORBIDDEN' });
    return next();
  });
}

/**
 * Read-only, read-heavy procedures (analytics) run on a read replica when DATABASE_REPLICA_URL is set
 * (`@tobacco/db/replica`): a few seconds of replication lag is acceptable there, and the primary keeps
 * its connections for the work that writes.
 */
export const onReplica = t.middleware(({ ctx, next }) => next({ ctx: { db: replicaOf(ctx.db) } }));
