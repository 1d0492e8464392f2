import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import { backofficeRouter } from '../backoffice';
import { portalRouter } from '../portal';
import { backofficeRoutesRouter, portalRoutesRouter } from '../routes';
import type { ProcedureMeta } from '../trpc/init';

// Every procedure of both apps, read from the routers themselves (the tRPC endpoints' and the route
// handlers'), so the security tests cover a procedure the day it is added.

export type AppName = 'portal' | 'backoffice';
export type ProcedureEntry = {
  app: AppName;
  /** `routes.` for the route handlers' procedures, which are called in-process only. */
  path: string;
  type: 'query' | 'mutation';
  meta: ProcedureMeta;
  /** The zod schemas of its input (none for a procedure without input). */
  inputs: unknown[];
  /** The zod schema of its answer (undefined for a procedure that declares none). */
  output: unknown;
};

function entriesOf(app: AppName, router: AnyTRPCRouter, prefix = ''): ProcedureEntry[] {
  return Object.entries(router._def.procedures as Record<string, AnyTRPCProcedure>).map(([path, procedure]) => {
    const def = procedure._def as unknown as { type: 'query' | 'mutation'; meta?: ProcedureMeta; inputs: unknown[]; output?: unknown };
    return { app, path: `${prefix}${path}`, type: def.type, meta: def.meta ?? {}, inputs: def.inputs, output: def.output };
  });
}

export const ALL_PROCEDURES: ProcedureEntry[] = [
  ...entriesOf('portal', portalRouter),
  ...entriesOf('portal', portalRoutesRouter, 'routes.'),
  ...entriesOf('backoffice', backofficeRouter),
  ...entriesOf('backoffice', backofficeRoutesRouter, 'routes.'),
];

type CallerTree = { [key: string]: CallerTree } & ((input?: unknown) => Promise<unknown>);

/** Calls a procedure by its dotted path on a caller (`routes.` goes to the route caller). */
export function callPath(callers: { api: unknown; routes: unknown }, path: string, input: unknown): Promise<unknown> {
  const [head, ...rest] = path.split('.');
  let fn = (head === 'routes' ? callers.routes : (callers.api as CallerTree)[head!]) as CallerTree;
  for (const segment of rest) fn = fn[segment]!;
  // A procedure that throws synchronously still counts as a refusal.
  try {
    return Promise.resolve(fn(input));
  } catch (error) {
    return Promise.reject(error);
  }
}
