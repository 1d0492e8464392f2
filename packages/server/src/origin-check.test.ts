import { describe, expect, it } from 'vitest';
import { isCrossOriginWrite } from './origin-check';

const req = (method: string, headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/trpc/x', { method, headers: { host: 'localhost:3000', ...headers } });

describe('origin check on state-changing requests', () => {
  it('refuses a write from another site or another port of the same site', () => {
    expect(isCrossOriginWrite(req('POST', { 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossOriginWrite(req('POST', { 'sec-fetch-site': 'same-site' }))).toBe(true);
    expect(isCrossOriginWrite(req('POST', { origin: 'http://localhost:3001' }))).toBe(true);
    expect(isCrossOriginWrite(req('DELETE', { origin: 'null' }))).toBe(true);
  });

  it('lets same-origin writes, reads and requests from no page through', () => {
    expect(isCrossOriginWrite(req('POST', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000' }))).toBe(false);
    expect(isCrossOriginWrite(req('GET', { 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isCrossOriginWrite(req('POST', {}))).toBe(false);
  });
});
