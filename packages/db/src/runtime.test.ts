import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbEnv } from './env';

// The tests (and through the same PATH the apps and the worker) run on the Node.js pinned in the root
// package.json, not on whatever Node.js started `npm test` (scripts/bootstrap.mjs hands over to it).
describe('runtime', () => {
  it('is the pinned Node.js', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dbEnv.repoRoot, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(process.versions.node).toBe(manifest.devDependencies.node);
  });
});
