// Reading Playwright's JSON report for the summary of `npm test` (scripts/run.ts).

export type PlaywrightSuite = {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; tests: { projectName: string; status: string }[] }[];
};
export type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number }; suites: PlaywrightSuite[] };

/** "file:line › describe › title [project]" of every test that failed first and passed on a retry. */
export function flakyTests(suites: PlaywrightSuite[], titles: string[] = []): string[] {
  return suites.flatMap((suite) => {
    const path = suite.file === suite.title ? titles : [...titles, suite.title];
    const own = (suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === 'flaky')
        .map((t) => `${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')} [${t.projectName}]`),
    );
    return [...own, ...flakyTests(suite.suites ?? [], path)];
  });
}
