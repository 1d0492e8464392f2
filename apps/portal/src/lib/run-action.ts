import { redirect } from 'next/navigation';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getServerApi } from '@/trpc/server';
import type { ActionResult } from './action-result';

type Api = Awaited<ReturnType<typeof getServerApi>>['api'];

/** Runs one procedure for a server action and turns its error into an ActionResult; a lost session goes to sign-in. */
export async function runAction<T>(call: (api: Api) => Promise<T>): Promise<ActionResult<T>> {
  const { api, requestId } = await getServerApi();
  try {
    return { ok: true, data: await call(api) };
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const data = (error as { cause?: unknown; data?: { fieldErrors?: Record<string, string[]> } }) ?? {};
    const fieldErrors = data.data?.fieldErrors ?? zodFieldErrors(data.cause);
    if (fieldErrors) return { ok: false, error: { key: 'errors.VALIDATION' }, fieldErrors };
    return { ok: false, error: errorMessageOf(error, requestId) };
  }
}

// A server-side caller's validation error carries the zod error as its cause.
function zodFieldErrors(cause: unknown): Record<string, string[]> | undefined {
  const issues = (cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues;
  if (!Array.isArray(issues)) return undefined;
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return out;
}
