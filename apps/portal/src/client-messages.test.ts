import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The portal's root layout sends no `auth.` messages: only the sign-in pages give them to their forms
// (ClientMessages). A client component anywhere else that translated an `auth.` key would show the key.
const portal = path.resolve(__dirname);
const ui = path.resolve(__dirname, '../../../packages/ui/src');
const SIGN_IN = [path.join(portal, 'app', 'login') + path.sep, path.join(ui, 'login-form.tsx')];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].flatMap((m) =>
    ['.tsx', '.ts'].map((ext) => path.resolve(path.dirname(file), m[1]! + ext)).filter((f) => fs.existsSync(f)),
  );
}

/** `auth.` keys in code, not in comments. */
const authKeys = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .flatMap((line) => [...line.matchAll(/['`"](auth\.[A-Za-z0-9_.]*)/g)].map((m) => `${path.relative(portal, file)}: ${m[1]}`));

describe('the portal root client dictionary', () => {
  it('is enough for every client component outside the sign-in pages: none translates an auth. key', () => {
    const clientFiles = [...sourceFiles(portal), ...sourceFiles(ui)].filter(
      (file) => !SIGN_IN.some((signIn) => file.startsWith(signIn)) && fs.readFileSync(file, 'utf8').startsWith("'use client'"),
    );
    expect(clientFiles.length).toBeGreaterThan(10);
    const files = new Set([...clientFiles, ...clientFiles.flatMap(relativeImports)]);
    expect([...files].flatMap(authKeys)).toEqual([]);
  });
});
