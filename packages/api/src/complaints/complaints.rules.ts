import { Prisma } from '@tobacco/db/client';
import { DomainError } from '../errors';
import { DAY_MS } from '../schedule/calendar.rules';

// The case state machine of domain.md §9:
//   SUBMITTED → ACCEPTED → IN_PROGRESS ⇄ WAITING_RETAILER → RESOLVED → CLOSED
// with reopening back to IN_PROGRESS. Who may take each step is part of the table, so that the service,
// the buttons on both screens and the tests read one source.
//
// Decisions the domain leaves open:
// - Staff may resolve while waiting for the retailer (the retailer never answered); resolving needs the
//   case to have been started, so an accepted case is started first.
// - retailerRespond may be recorded by staff too: the answer often comes by phone to the call centre.
// - confirm is the retailer closing with a rating; close is staff closing (after the follow-up call, or
//   when the reopen window has lapsed). A low rating on confirm is followed by a staff reopen, hence
//   staff may reopen a CLOSED case; a retailer may reopen only a RESOLVED one, within the window
//   (canReopen), and not a case they confirmed themselves.
// - rate records a rating on a case already closed (by staff, or taken on the follow-up call); it leaves
//   the state alone. Rating only once is the service's check on the stored rating.

export const CASE_STATES = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_RETAILER', 'RESOLVED', 'CLOSED'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = ['accept', 'start', 'requestInfo', 'retailerRespond', 'resolve', 'close', 'confirm', 'reopen', 'rate'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type CaseActorKind = 'retailer' | 'staff';

type Transition = { to: CaseState; from: Record<CaseActorKind, readonly CaseState[]> };

export const CASE_TRANSITIONS = {
  accept: { to: 'ACCEPTED', from: { staff: ['SUBMITTED'], retailer: [] } },
  start: { to: 'IN_PROGRESS', from: { staff: ['ACCEPTED'], retailer: [] } },
  requestInfo: { to: 'WAITING_RETAILER', from: { staff: ['IN_PROGRESS'], retailer: [] } },
  retailerRespond: { to: 'IN_PROGRESS', from: { staff: ['WAITING_RETAILER'], retailer: ['WAITING_RETAILER'] } },
  resolve: { to: 'RESOLVED', from: { staff: ['IN_PROGRESS', 'WAITING_RETAILER'], retailer: [] } },
  close: { to: 'CLOSED', from: { staff: ['RESOLVED'], retailer: [] } },
  confirm: { to: 'CLOSED', from: { staff: [], retailer: ['RESOLVED'] } },
  reopen: { to: 'IN_PROGRESS', from: { staff: ['RESOLVED', 'CLOSED'], retailer: ['RESOLVED'] } },
  rate: { to: 'CLOSED', from: { staff: ['CLOSED'], retailer: ['CLOSED'] } },
} as const satisfies Record<CaseAction, Transition>;

/** A refused step: an INVALID_STATE DomainError whose message names the state, action and actor. */
export class CaseTransitionError extends DomainError {
  readonly state: CaseState;
  readonly action: CaseAction;
  readonly actorKind?: CaseActorKind;

  constructor(state: CaseState, action: CaseAction, actorKind?: CaseActorKind) {
    super('INVALID_STATE');
    this.name = 'CaseTransitionError';
    this.message = `A case in state ${state} cannot take action "${action}"${actorKind ? ` by ${actorKind}` : ''}`;
    this.state = state;
    this.action = action;
    if (actorKind) this.actorKind = actorKind;
  }
}

function fromStates(action: CaseAction, actorKind: CaseActorKind): readonly CaseState[] {
  const transition: Transition = CASE_TRANSITIONS[action];
  return transition.from[actorKind];
}

export function canTransition(state: CaseState, action: CaseAction, actorKind: CaseActorKind): boolean {
  return fromStates(action, actorKind).includes(state);
}

/** The state after `action`; with `actorKind`, also checks that actor may take it. Throws CaseTransitionError. */
export function nextState(state: CaseState, action: CaseAction, actorKind?: CaseActorKind): CaseState {
  const allowed = actorKind
    ? canTransition(state, action, actorKind)
    : canTransition(state, action, 'staff') || canTransition(state, action, 'retailer');
  if (!allowed) throw new CaseTransitionError(state, action, actorKind);
  return CASE_TRANSITIONS[action].to;
}

/** The actions an actor may take now: the buttons to show. */
export function availableActions(state: CaseState, actorKind: CaseActorKind): CaseAction[] {
  return CASE_ACTIONS.filter((action) => canTransition(state, action, actorKind));
}

/**
 * Whether a retailer may still reopen: within `reopenWindowDays` × 24 h of resolution, the end
 * included (China keeps no daylight saving, so 24 h is a calendar day). 0 days: never.
 */
export function canReopen(resolvedAt: Date, now: Date, reopenWindowDays: number): boolean {
  if (reopenWindowDays <= 0) return false;
  return now.getTime() - resolvedAt.getTime() <= reopenWindowDays * DAY_MS;
}

/** The state machine and, for a retailer, the reopen window together. */
export function mayReopen(input: {
  state: CaseState;
  actorKind: CaseActorKind;
  resolvedAt: Date | null;
  now: Date;
  reopenWindowDays: number;
}): boolean {
  if (!canTransition(input.state, 'reopen', input.actorKind)) return false;
  if (input.actorKind === 'staff') return true;
  return input.resolvedAt !== null && canReopen(input.resolvedAt, input.now, input.reopenWindowDays);
}

export function isValidRating(rating: number): boolean {
  return Number.isInteger(rating) && rating >= 1 && rating <= 5;
}

/** A rating at or below the threshold (setting complaints.lowRatingReopens; 0 = never) reopens the case for a follow-up. */
export function ratingReopens(rating: number, threshold: number): boolean {
  if (!isValidRating(rating)) throw new RangeError(`A rating is a whole number from 1 to 5: ${rating}`);
  return rating <= threshold;
}

/**
 * Staff may reply to the retailer (a public reply) once the case is accepted and until it is closed: a new case
 * is accepted first, and replying to an accepted one starts the work on it (the service takes that step).
 */
export const REPLY_STATES: readonly CaseState[] = ['ACCEPTED', 'IN_PROGRESS', 'WAITING_RETAILER', 'RESOLVED'];

export function canReply(state: CaseState): boolean {
  return REPLY_STATES.includes(state);
}

// The SLA clocks (domain.md §9): the accept clock runs while the case is SUBMITTED; the resolve clock from
// filing until resolution, paused while the case waits for the retailer. A case is overdue when a running
// clock has passed its deadline. The same rule in JavaScript (one case) and SQL (lists and counts) below.
export const RESOLVE_CLOCK_STATES: readonly CaseState[] = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'];

export type SlaClock = 'accept' | 'resolve';

/** Which running clock of the case has passed its deadline at `now` (the accept clock first), if any. */
export function overdueClock(c: { state: CaseState; acceptDueAt: Date; resolveDueAt: Date }, now: Date): SlaClock | null {
  if (c.state === 'SUBMITTED' && c.acceptDueAt < now) return 'accept';
  if (RESOLVE_CLOCK_STATES.includes(c.state) && c.resolveDueAt < now) return 'resolve';
  return null;
}

export function isOverdue(c: { state: CaseState; acceptDueAt: Date; resolveDueAt: Date }, now: Date): boolean {
  return overdueClock(c, now) !== null;
}

/**
 * "A clock runs" as an SQL condition on the complaint table aliased `c`: the states as literals, not parameters,
 * so that the planner can match them to the open-cases partial index.
 */
export const CLOCK_RUNS_SQL = Prisma.raw(`c.state IN (${RESOLVE_CLOCK_STATES.map((s) => `'${s}'`).join(',')})`);

/** `isOverdue` as an SQL condition on the complaint table aliased `c` (deadlines are stored as UTC timestamps). */
export function overdueSql(now: Date): Prisma.Sql {
  const at = Prisma.sql`${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;
  return Prisma.sql`(${CLOCK_RUNS_SQL} AND (c."resolveDueAt" < ${at} OR (c.state = 'SUBMITTED' AND c."acceptDueAt" < ${at})))`;
}
