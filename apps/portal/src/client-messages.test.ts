import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientModules, messageKeys } from '../../../packages/ui/src/testing/client-modules';

// The portal's root layout sends no `auth.` messages: only the sign-in pages give them to their forms
// (ClientMessages). A client component anywhere else that translated an `auth.` key would show the key.
const portal = path.resolve(__dirname);
const ui = path.resolve(__dirname, '../../../packages/ui/src');
const SIGN_IN = [path.join(portal, 'app', 'login') + path.sep, path.join(ui, 'login-form.tsx')];

describe('the portal root client dictionary', () => {
  it('is enough for every client component outside the sign-in pages: none translates an auth. key', () => {
    const files = clientModules([portal, ui], SIGN_IN);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((file) => messageKeys(file, ['auth'])).map(({ file, key }) => `${path.relative(portal, file)}: ${key}`)).toEqual(
      [],
    );
  });
});
