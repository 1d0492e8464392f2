import { describe, expect, it } from 'vitest';
import { ALL_PROCEDURES } from './procedures';

// Every procedure on the portal's endpoint declares the schema of its answer, so that a field a service
// adds later (an internal note, a staff member's name) reaches a retailer only once the schema lists it.
// The route handlers' procedures (`routes.`) answer with bytes for a download, not with JSON, and are left out.

const portalEndpoint = ALL_PROCEDURES.filter((entry) => entry.app === 'portal' && !entry.path.startsWith('routes.'));

describe('portal output schemas', () => {
  it('reads the portal router', () => {
    expect(portalEndpoint.length).toBeGreaterThan(30);
  });

  it.each(portalEndpoint.map((entry) => [entry.path, entry] as const))('%s declares an output schema', (_path, entry) => {
    expect(entry.output, `${entry.path} has no .output(...)`).toBeDefined();
    expect(typeof (entry.output as { parse?: unknown }).parse).toBe('function');
  });
});
