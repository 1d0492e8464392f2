import { describe, expect, it } from 'vitest';
import { flakyTests, type PlaywrightSuite } from './test-report';

const spec = (title: string, line: number, ...statuses: string[]) => ({
  title,
  file: 'auth.e2e.ts',
  line,
  tests: statuses.map((status, i) => ({ projectName: i ? 'admin' : 'chromium', status })),
});

describe('flakyTests', () => {
  it('names each test that passed only on a retry, with its describe blocks and project', () => {
    const suites: PlaywrightSuite[] = [
      {
        title: 'auth.e2e.ts',
        file: 'auth.e2e.ts',
        specs: [spec('signs in', 3, 'expected'), spec('locks out', 9, 'flaky')],
        suites: [{ title: 'sign-out', file: 'auth.e2e.ts', specs: [spec('ends the session', 20, 'expected', 'flaky')] }],
      },
    ];
    expect(flakyTests(suites)).toEqual(['auth.e2e.ts:9 › locks out [chromium]', 'auth.e2e.ts:20 › sign-out › ends the session [admin]']);
  });

  it('finds none in a clean run or a failed one', () => {
    expect(flakyTests([{ title: 'a.e2e.ts', file: 'a.e2e.ts', specs: [spec('x', 1, 'expected'), spec('y', 2, 'unexpected')] }])).toEqual(
      [],
    );
  });
});
