import { describe, it, expect } from 'vitest';
import { SETTINGS } from '../admin/settings.registry';
import { DomainError } from '../errors';
import {
  CASE_ACTIONS,
  CASE_STATES,
  CASE_TRANSITIONS,
  CaseTransitionError,
  availableActions,
  canReply,
  isOverdue,
  overdueClock,
  canReopen,
  canTransition,
  isValidRating,
  mayReopen,
  nextState,
  ratingReopens,
  type CaseAction,
  type CaseActorKind,
  type CaseState,
} from './complaints.rules';

// Written out independently of CASE_TRANSITIONS: every allowed step as `actor action: from → to`.
const ALLOWED = [
  'staff accept: SUBMITTED → ACCEPTED',
  'staff start: ACCEPTED → IN_PROGRESS',
  'staff requestInfo: IN_PROGRESS → WAITING_RETAILER',
  'staff retailerRespond: WAITING_RETAILER → IN_PROGRESS',
  'retailer retailerRespond: WAITING_RETAILER → IN_PROGRESS',
  'staff resolve: IN_PROGRESS → RESOLVED',
  'staff resolve: WAITING_RETAILER → RESOLVED',
  'staff close: RESOLVED → CLOSED',
  'retailer confirm: RESOLVED → CLOSED',
  'staff reopen: RESOLVED → IN_PROGRESS',
  'staff reopen: CLOSED → IN_PROGRESS',
  'retailer reopen: RESOLVED → IN_PROGRESS',
  'staff rate: CLOSED → CLOSED',
  'retailer rate: CLOSED → CLOSED',
];
const allowedTo = new Map(
  ALLOWED.map((line) => {
    const [, head = '', to = ''] = /^(.*) → (.*)$/.exec(line) ?? [];
    return [head, to as CaseState];
  }),
);

const ACTORS: CaseActorKind[] = ['staff', 'retailer'];
const cases: [CaseActorKind, CaseAction, CaseState, CaseState | undefined][] = ACTORS.flatMap((actor) =>
  CASE_ACTIONS.flatMap((action) =>
    CASE_STATES.map(
      (state) =>
        [actor, action, state, allowedTo.get(`${actor} ${action}: ${state}`)] as [
          CaseActorKind,
          CaseAction,
          CaseState,
          CaseState | undefined,
        ],
    ),
  ),
);

describe('the transition table, every state × action × actor', () => {
  it('covers 6 states × 9 actions × 2 actors, 14 of them allowed', () => {
    expect(cases).toHaveLength(108);
    expect(cases.filter(([, , , to]) => to !== undefined)).toHaveLength(ALLOWED.length);
  });

  it.each(cases)('%s %s from %s → %s', (actor, action, state, to) => {
    expect(canTransition(state, action, actor)).toBe(to !== undefined);
    if (to === undefined) {
      expect(() => nextState(state, action, actor)).toThrow(CaseTransitionError);
    } else {
      expect(nextState(state, action, actor)).toBe(to);
    }
  });

  it('the exported table names only known states', () => {
    for (const action of CASE_ACTIONS) {
      const transition = CASE_TRANSITIONS[action];
      expect(CASE_STATES).toContain(transition.to);
      for (const actor of ACTORS) for (const state of transition.from[actor]) expect(CASE_STATES).toContain(state);
    }
  });
});

describe('nextState without an actor', () => {
  it('allows a step any actor may take', () => {
    expect(nextState('SUBMITTED', 'accept')).toBe('ACCEPTED');
    expect(nextState('RESOLVED', 'confirm')).toBe('CLOSED');
    expect(nextState('CLOSED', 'reopen')).toBe('IN_PROGRESS');
  });

  it('refuses a step nobody may take, with a clear INVALID_STATE error', () => {
    let error: unknown;
    try {
      nextState('CLOSED', 'accept');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CaseTransitionError);
    expect(error).toBeInstanceOf(DomainError);
    const refused = error as CaseTransitionError;
    expect(refused.code).toBe('INVALID_STATE');
    expect(refused.messageKey).toBe('errors.INVALID_STATE');
    expect(refused.message).toBe('A case in state CLOSED cannot take action "accept"');
    expect(refused.state).toBe('CLOSED');
    expect(refused.action).toBe('accept');
  });

  it('names the actor when one was refused', () => {
    expect(() => nextState('SUBMITTED', 'accept', 'retailer')).toThrow('A case in state SUBMITTED cannot take action "accept" by retailer');
  });
});

describe('availableActions (the buttons to show)', () => {
  const rows: [CaseState, CaseActorKind, CaseAction[]][] = [
    ['SUBMITTED', 'staff', ['accept']],
    ['SUBMITTED', 'retailer', []],
    ['ACCEPTED', 'staff', ['start']],
    ['IN_PROGRESS', 'staff', ['requestInfo', 'resolve']],
    ['IN_PROGRESS', 'retailer', []],
    ['WAITING_RETAILER', 'staff', ['retailerRespond', 'resolve']],
    ['WAITING_RETAILER', 'retailer', ['retailerRespond']],
    ['RESOLVED', 'staff', ['close', 'reopen']],
    ['RESOLVED', 'retailer', ['confirm', 'reopen']],
    ['CLOSED', 'staff', ['reopen', 'rate']],
    ['CLOSED', 'retailer', ['rate']],
  ];
  it.each(rows)('%s for %s: %j', (state, actor, actions) => {
    expect(availableActions(state, actor)).toEqual(actions);
  });
});

describe('canReopen (a retailer, within the window after resolution)', () => {
  const days = SETTINGS['complaints.reopenWindowDays'].default;
  const resolvedAt = new Date('2026-03-10T02:00:00Z');
  const after = (ms: number) => new Date(resolvedAt.getTime() + ms);
  const DAY = 86_400_000;

  it('uses the 7-day default', () => {
    expect(days).toBe(7);
  });

  it('allows it right after resolution and up to the last instant', () => {
    expect(canReopen(resolvedAt, resolvedAt, days)).toBe(true);
    expect(canReopen(resolvedAt, after(3 * DAY), days)).toBe(true);
    expect(canReopen(resolvedAt, after(7 * DAY), days)).toBe(true);
  });

  it('refuses it after the window', () => {
    expect(canReopen(resolvedAt, after(7 * DAY + 1), days)).toBe(false);
    expect(canReopen(resolvedAt, after(30 * DAY), days)).toBe(false);
  });

  it('follows the setting, and 0 days means never', () => {
    expect(canReopen(resolvedAt, after(2 * DAY), 1)).toBe(false);
    expect(canReopen(resolvedAt, after(DAY / 2), 1)).toBe(true);
    expect(canReopen(resolvedAt, resolvedAt, 0)).toBe(false);
  });

  it('tolerates a clock a little behind the resolution time', () => {
    expect(canReopen(resolvedAt, after(-1000), days)).toBe(true);
  });
});

describe('mayReopen (state machine and window together)', () => {
  const resolvedAt = new Date('2026-03-10T02:00:00Z');
  const inWindow = new Date('2026-03-12T02:00:00Z');
  const late = new Date('2026-03-20T02:00:00Z');
  const base = { resolvedAt, reopenWindowDays: 7 };

  it('a retailer: a RESOLVED case within the window only', () => {
    expect(mayReopen({ ...base, state: 'RESOLVED', actorKind: 'retailer', now: inWindow })).toBe(true);
    expect(mayReopen({ ...base, state: 'RESOLVED', actorKind: 'retailer', now: late })).toBe(false);
    expect(mayReopen({ ...base, state: 'CLOSED', actorKind: 'retailer', now: inWindow })).toBe(false);
    expect(mayReopen({ ...base, state: 'RESOLVED', actorKind: 'retailer', now: inWindow, resolvedAt: null })).toBe(false);
  });

  it('staff: RESOLVED or CLOSED at any time', () => {
    expect(mayReopen({ ...base, state: 'RESOLVED', actorKind: 'staff', now: late })).toBe(true);
    expect(mayReopen({ ...base, state: 'CLOSED', actorKind: 'staff', now: late })).toBe(true);
    expect(mayReopen({ ...base, state: 'IN_PROGRESS', actorKind: 'staff', now: inWindow })).toBe(false);
  });
});

describe('ratings', () => {
  const threshold = SETTINGS['complaints.lowRatingReopens'].default;

  it('reopens at or below the default threshold of 2', () => {
    expect(threshold).toBe(2);
    expect([1, 2, 3, 4, 5].map((rating) => ratingReopens(rating, threshold))).toEqual([true, true, false, false, false]);
  });

  it('threshold 0 never reopens; threshold 5 always does', () => {
    expect([1, 2, 3, 4, 5].some((rating) => ratingReopens(rating, 0))).toBe(false);
    expect([1, 2, 3, 4, 5].every((rating) => ratingReopens(rating, 5))).toBe(true);
  });

  it('refuses a rating that is not a whole number from 1 to 5', () => {
    for (const rating of [0, 6, 2.5, -1, Number.NaN]) {
      expect(isValidRating(rating)).toBe(false);
      expect(() => ratingReopens(rating, threshold)).toThrow(RangeError);
    }
    expect(isValidRating(3)).toBe(true);
  });
});

describe('replying', () => {
  it('is for accepted cases until they close: a new case is accepted first', () => {
    expect(CASE_STATES.filter(canReply)).toEqual(['ACCEPTED', 'IN_PROGRESS', 'WAITING_RETAILER', 'RESOLVED']);
  });
});

describe('overdue', () => {
  const now = new Date('2033-03-09T10:00:00Z');
  const before = new Date(now.getTime() - 1);
  const after = new Date(now.getTime() + 1);
  const c = (state: (typeof CASE_STATES)[number], acceptDueAt: Date, resolveDueAt: Date) => ({ state, acceptDueAt, resolveDueAt });

  it('runs the accept clock while submitted and the resolve clock while open and not waiting for the retailer', () => {
    expect(overdueClock(c('SUBMITTED', before, after), now)).toBe('accept');
    expect(overdueClock(c('SUBMITTED', before, before), now)).toBe('accept');
    expect(overdueClock(c('SUBMITTED', after, before), now)).toBe('resolve');
    expect(overdueClock(c('ACCEPTED', before, after), now)).toBeNull();
    expect(overdueClock(c('IN_PROGRESS', after, before), now)).toBe('resolve');
    expect(overdueClock(c('WAITING_RETAILER', before, before), now)).toBeNull();
    expect(overdueClock(c('RESOLVED', before, before), now)).toBeNull();
    expect(overdueClock(c('CLOSED', before, before), now)).toBeNull();
  });

  it('is not overdue at the deadline itself', () => {
    expect(isOverdue(c('IN_PROGRESS', now, now), now)).toBe(false);
    expect(isOverdue(c('IN_PROGRESS', now, before), now)).toBe(true);
  });
});
