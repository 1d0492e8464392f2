import { notFound } from 'next/navigation';
import { errorMessageOf, type ErrorMessage } from '@tobacco/ui/lib/error-message';
import { getServerApi } from '@/trpc/server';

type Api = Awaited<ReturnType<typeof getServerApi>>['api'];

/** Runs one call for a survey page: an unknown id is the not-found page; other failures come back as a message. */
export async function loadForPage<T>(
  id: string,
  call: (api: Api, id: number) => Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; message: ErrorMessage }> {
  const surveyId = Number(id);
  if (!Number.isInteger(surveyId) || surveyId <= 0) notFound();
  const { api, requestId } = await getServerApi();
  try {
    return { ok: true, data: await call(api, surveyId) };
  } catch (error) {
    if ((error as { code?: string }).code === 'NOT_FOUND') notFound();
    return { ok: false, message: errorMessageOf(error, requestId) };
  }
}
