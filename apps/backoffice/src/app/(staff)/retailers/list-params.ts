import { ZListRetailersInput, type TListRetailersInput } from '@tobacco/api/retailers/retailers.schema';

// The retailer list's filters live in the address (?q=…&districtId=…&page=2), so a list can be shared and
// the back button walks back through searches. These two functions translate between the two.

const NUMERIC_KEYS = ['districtId', 'grade', 'accountManagerId', 'page', 'pageSize'] as const;
const DEFAULTS = { page: 1, pageSize: 20 } as const;

type ParamsLike = { get(name: string): string | null };

/** Reads the filters from the address; a value the API would refuse is dropped rather than failing the page. */
export function parseListParams(params: ParamsLike): TListRetailersInput {
  const shape = ZListRetailersInput.shape;
  const out: Record<string, unknown> = {};
  const q = params.get('q')?.trim();
  if (q && shape.q.safeParse(q).success) out.q = q;
  for (const key of NUMERIC_KEYS) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') continue;
    const parsed = shape[key].safeParse(Number(raw));
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as TListRetailersInput;
}

/** The address's query string for these filters, leaving out what is empty or the default. */
export function toListSearch(input: TListRetailersInput): string {
  const params = new URLSearchParams();
  if (input.q?.trim()) params.set('q', input.q.trim());
  for (const key of NUMERIC_KEYS) {
    const value = input[key];
    if (value === undefined || value === null || Number.isNaN(value)) continue;
    if (key in DEFAULTS && DEFAULTS[key as keyof typeof DEFAULTS] === value) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
