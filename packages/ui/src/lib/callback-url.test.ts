import { describe, expect, it } from 'vitest';
import { isPublicPath, loginPathFor, safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps a path on this site, with its query and hash', () => {
    expect(safeCallbackUrl('/grade')).toBe('/grade');
    expect(safeCallbackUrl('/retailers?q=1&page=2')).toBe('/retailers?q=1&page=2');
    expect(safeCallbackUrl('/a#b')).toBe('/a#b');
    expect(safeCallbackUrl(['/grade', '/other'])).toBe('/grade');
  });

  it.each(['https://evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example', '/x\\y', 'grade', 'javascript:alert(1)'])(
    'refuses %j, which could leave the site',
    (value) => {
      expect(safeCallbackUrl(value)).toBe('/');
    },
  );

  it('falls back when empty, and never returns to the login page itself', () => {
    expect(safeCallbackUrl(undefined)).toBe('/');
    expect(safeCallbackUrl('')).toBe('/');
    expect(safeCallbackUrl('/login?callbackUrl=%2Fgrade')).toBe('/');
    expect(safeCallbackUrl(null, '/home')).toBe('/home');
  });
});

describe('loginPathFor', () => {
  it('carries the page back as callbackUrl, but not the home page', () => {
    expect(loginPathFor('/retailers?q=1')).toBe('/login?callbackUrl=%2Fretailers%3Fq%3D1');
    expect(loginPathFor('/')).toBe('/login');
  });
});

describe('isPublicPath', () => {
  it('lets the login page, the API and Next assets through', () => {
    expect(isPublicPath('/login')).toBe(true);
    expect(isPublicPath('/login/forgot')).toBe(true);
    expect(isPublicPath('/login/forgot/x')).toBe(false);
    expect(isPublicPath('/api/trpc/retailers.list')).toBe(true);
    expect(isPublicPath('/_next/static/chunks/a.js')).toBe(true);
    expect(isPublicPath('/')).toBe(false);
    expect(isPublicPath('/login-help')).toBe(false);
    expect(isPublicPath('/grade')).toBe(false);
  });
});
