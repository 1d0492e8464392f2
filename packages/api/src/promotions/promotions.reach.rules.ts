// Pure rules of the promotion editor: reading an uploaded list of licence numbers, folding the reach
// query's grouped rows into totals, and the promotion's states (domain.md §6). No I/O.

export type ParsedLicenceList = {
  /** Distinct 12-digit licence numbers, in the order first seen. */
  licences: string[];
  /** Entries that are not a licence number (shown to the author with their line). */
  invalid: { line: number; value: string }[];
  duplicates: number;
};

/**
 * Reads licence numbers from pasted text or an uploaded CSV/TXT: one or more per line, separated by
 * commas, semicolons, tabs or spaces. A header cell such as "许可证号" or "licence" is skipped.
 */
export function parseLicenceList(text: string): ParsedLicenceList {
  const seen = new Set<string>();
  const licences: string[] = [];
  const invalid: { line: number; value: string }[] = [];
  let duplicates = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    for (const cell of raw.split(/[,;\t ，；]+/)) {
      const value = cell
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim();
      if (value === '') continue;
      if (index === 0 && /许可证|licen[cs]e/i.test(value)) continue;
      if (!/^\d{12}$/.test(value)) {
        invalid.push({ line: index + 1, value: value.slice(0, 40) });
        continue;
      }
      if (seen.has(value)) {
        duplicates += 1;
        continue;
      }
      seen.add(value);
      licences.push(value);
    }
  });
  return { licences, invalid, duplicates };
}

/** One row of the reach query: GROUPING SETS ((grade), (district), ()) gives a kind per row. */
export type ReachRow = { kind: 'grade' | 'district' | 'total'; grade: number | null; districtId: number | null; n: number };

export type Reach = {
  total: number;
  /** Grade null: retailers not graded yet. Sorted by grade, ungraded last. */
  byGrade: { grade: number | null; n: number }[];
  byDistrict: { districtId: number; n: number }[];
};

export function foldReach(rows: readonly ReachRow[]): Reach {
  const byGrade = rows
    .filter((r) => r.kind === 'grade')
    .map((r) => ({ grade: r.grade, n: r.n }))
    .sort((a, b) => (a.grade ?? 99) - (b.grade ?? 99));
  const byDistrict = rows
    .filter((r) => r.kind === 'district' && r.districtId !== null)
    .map((r) => ({ districtId: r.districtId as number, n: r.n }))
    .sort((a, b) => b.n - a.n || a.districtId - b.districtId);
  const total = rows.find((r) => r.kind === 'total')?.n ?? 0;
  return { total, byGrade, byDistrict };
}

// ---------------------------------------------------------------- states

export type PromotionState = 'DRAFT' | 'PENDING_APPROVAL' | 'APPROVED' | 'LIVE' | 'ENDED' | 'REJECTED' | 'WITHDRAWN';
export type PromotionAction = 'edit' | 'submit' | 'approve' | 'reject' | 'withdraw' | 'goLive' | 'end';

const TRANSITIONS: Record<PromotionAction, Partial<Record<PromotionState, PromotionState>>> = {
  // Editing a rejected promotion makes it a draft again, to be submitted anew.
  edit: { DRAFT: 'DRAFT', REJECTED: 'DRAFT' },
  submit: { DRAFT: 'PENDING_APPROVAL' },
  approve: { PENDING_APPROVAL: 'APPROVED' },
  reject: { PENDING_APPROVAL: 'REJECTED' },
  withdraw: { DRAFT: 'WITHDRAWN', PENDING_APPROVAL: 'WITHDRAWN', APPROVED: 'WITHDRAWN', LIVE: 'WITHDRAWN', REJECTED: 'WITHDRAWN' },
  goLive: { APPROVED: 'LIVE' },
  end: { APPROVED: 'ENDED', LIVE: 'ENDED' },
};

/** The state after `action`, or null when the action is not allowed in `state`. */
export function nextPromotionState(state: PromotionState, action: PromotionAction): PromotionState | null {
  return TRANSITIONS[action][state] ?? null;
}

/** The author may never approve or reject their own promotion (four eyes). */
export function mayDecide(authorId: number, deciderId: number): boolean {
  return authorId !== deciderId;
}
