import { describe, expect, it } from 'vitest';
import { ALL_PROCEDURES } from './procedures';

// Every procedure on the portal's endpoint declares the schema of its answer, so that a field a service
// adds later (an internal note, a staff member's name) reaches a retailer only once the schema lists it.
// The route handlers' procedures (`routes.`) answer with bytes for a download, not with JSON, and are left out.

/** Procedures still answering without an output schema. Shrinks to empty; never grows. */
const WITHOUT_OUTPUT: readonly string[] = [
  'home',
  'allocation.mine',
  'allocation.limitHistory',
  'surveys.list',
  'surveys.get',
  'surveys.saveDraft',
  'surveys.submit',
];

const portalEndpoint = ALL_PROCEDURES.filter((entry) => entry.app === 'portal' && !entry.path.startsWith('routes.'));

describe('portal output schemas', () => {
  it('reads the portal router', () => {
    expect(portalEndpoint.length).toBeGreaterThan(30);
  });

  it.each(portalEndpoint.filter((entry) => !WITHOUT_OUTPUT.includes(entry.path)).map((entry) => [entry.path, entry] as const))(
    '%s declares an output schema',
    (_path, entry) => {
      expect(entry.output, `${entry.path} has no .output(...)`).toBeDefined();
      expect(typeof (entry.output as { parse?: unknown }).parse).toBe('function');
    },
  );

  it('lists as exceptions only procedures that exist and still lack an output', () => {
    for (const path of WITHOUT_OUTPUT) {
      const entry = portalEndpoint.find((candidate) => candidate.path === path);
      expect(entry, `${path} is not a portal procedure`).toBeDefined();
      expect(entry!.output, `${path} now declares an output: remove it from the exceptions`).toBeUndefined();
    }
  });
});
