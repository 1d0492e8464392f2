import { describe, expect, it } from 'vitest';
import { PREPARED_STATEMENTS_MAX, preparedStatementName } from './client';

describe('preparedStatementName', () => {
  it('gives the same text the same name and different texts different names', () => {
    const a = preparedStatementName({ sql: 'SELECT $1::int', args: [1] });
    expect(a).toMatch(/^s[\w-]+$/);
    expect(preparedStatementName({ sql: 'SELECT $1::int', args: [2] })).toBe(a);
    expect(preparedStatementName({ sql: 'SELECT $1::text', args: ['x'] })).not.toBe(a);
  });

  it('leaves statements without parameters unnamed (they may hold several commands)', () => {
    expect(preparedStatementName({ sql: 'SET a = 1; SET b = 2', args: [] })).toBeUndefined();
  });

  it('names no more than PREPARED_STATEMENTS_MAX texts, and keeps the names it gave', () => {
    const first = preparedStatementName({ sql: 'SELECT $1 AS first', args: [1] });
    for (let i = 0; i < PREPARED_STATEMENTS_MAX; i++) preparedStatementName({ sql: `SELECT $1 AS c${i}`, args: [i] });
    expect(preparedStatementName({ sql: 'SELECT $1 AS one_too_many', args: [1] })).toBeUndefined();
    expect(preparedStatementName({ sql: 'SELECT $1 AS first', args: [1] })).toBe(first);
  });
});
