import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientModules, messageKeys, sourceFiles } from '../../../packages/ui/src/testing/client-modules';
import { CLIENT_MESSAGES } from './client-messages';

// The administration's and the sign-in's messages reach only their own areas' client components (their
// layouts add them); every other client component must find the administration and sign-in keys it uses in
// the root's selection, or it would show the key instead of the text.
const src = path.resolve(__dirname);
const api = path.resolve(__dirname, '../../../packages/api/src');
const OWN_AREAS = [path.join(src, 'app', '(staff)', 'admin') + path.sep, path.join(src, 'app', 'login') + path.sep];

const covered = (key: string) => CLIENT_MESSAGES.some((prefix) => key.startsWith(prefix) || prefix.startsWith(key));

describe('the root client dictionary', () => {
  it('has every administration and sign-in key that client components outside those areas use', () => {
    const files = clientModules([src], OWN_AREAS);
    expect(files.length).toBeGreaterThan(20);
    const missing = files.flatMap((file) => messageKeys(file, ['admin', 'auth'])).filter(({ key }) => !covered(key));
    expect(missing).toEqual([]);
  });

  it('has every administration error and input check a procedure can send to any screen', () => {
    const keys = sourceFiles(api)
      .flatMap((file) => messageKeys(file, ['admin']))
      .filter(({ key }) => /^admin\.(?:[A-Za-z]+\.)?(?:errors?|validation)\./.test(key));
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter(({ key }) => !covered(key))).toEqual([]);
  });
});
