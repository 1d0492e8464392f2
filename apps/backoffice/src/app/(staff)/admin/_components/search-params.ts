import type { z } from 'zod';

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads a list's filters from the address for a schema: numbers where asked, booleans from '1', and any
 * value the schema refuses dropped (a hand-edited address shows the unfiltered list, not an error).
 */
export function parseSearch<S extends z.ZodObject>(
  schema: S,
  params: SearchParams,
  kinds: { numbers?: string[]; booleans?: string[] } = {},
): z.output<S> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || text.trim() === '') continue;
    raw[key] = kinds.numbers?.includes(key) ? Number(text) : kinds.booleans?.includes(key) ? text === '1' : text.trim();
  }
  const shape = schema.shape as Record<string, z.ZodType>;
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (shape[key]?.safeParse(value).success) clean[key] = value;
  }
  return schema.parse(clean);
}

/** The address of a list page with these filters (empty ones left out). */
export function hrefWith(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, value === true ? '1' : String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
