import { defineConfig } from 'vitest/config';

// Two tiers told apart by file name: *.test.ts is pure logic; *.integration.test.ts runs services and
// procedures against a throw-away database on a real PostgreSQL (see scripts/integration-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        // React components under test use the automatic JSX runtime, as Next compiles them.
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'unit',
          include: ['packages/**/src/**/*.test.ts', 'apps/**/src/**/*.test.ts', 'prisma/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.integration.test.ts'],
          environment: 'node',
          // Projects with different worker counts run one after the other: pure tests first.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/**/src/**/*.integration.test.ts', 'apps/**/src/**/*.integration.test.ts', 'prisma/**/*.integration.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          globalSetup: ['scripts/integration-setup.ts'],
          // Request lines of every call would bury the test output; tests that read logs use their own logger.
          env: { LOG_LEVEL: 'error' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Every test makes its own rows, so files may run side by side on one database.
          pool: 'forks',
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
