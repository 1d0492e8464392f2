import { chinaDate } from '../schedule/calendar.rules';
import { lastClosedMonth, shiftMonth } from '../rankings/rankings.rules';

// Pure rules of the account manager's commentary on a month's report (客户经理点评). No I/O; unit-tested.

/** Plain text, at most this many characters: a few short paragraphs a shopkeeper reads on a phone. */
export const COMMENT_MAX_LENGTH = 500;

/**
 * How long a month's commentary stays open: it may be written or edited until the end (China time) of the
 * second month after the report's month, e.g. May's until 31 July. The shop reads it while the month is
 * still recent; later it is part of the record and no longer changes under the shop's eyes.
 */
export const COMMENT_OPEN_MONTHS = 2;

export type CommentWindow = { open: boolean; reason: 'open' | 'notClosed' | 'closed'; until: string };

/** Whether a commentary on `month` may be written or edited at `now`, and until which month. */
export function commentWindow(month: string, now: Date): CommentWindow {
  const until = shiftMonth(month, COMMENT_OPEN_MONTHS);
  // A month that has not ended has no report yet.
  if (month > lastClosedMonth(now)) return { open: false, reason: 'notClosed', until };
  const current = chinaDate(now).slice(0, 7);
  return current <= until ? { open: true, reason: 'open', until } : { open: false, reason: 'closed', until };
}
