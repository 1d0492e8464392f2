import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGES } from './client-messages';

// The administration's and the sign-in's messages reach only their own areas' client components (their
// layouts add them); every other client component must find the administration and sign-in keys it uses in
// the root's selection, or it would show the key instead of the text.
const src = path.resolve(__dirname);
const api = path.resolve(__dirname, '../../../packages/api/src');
const OWN_AREAS = [path.join(src, 'app', '(staff)', 'admin') + path.sep, path.join(src, 'app', 'login') + path.sep];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The files a module imports by relative path. */
function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].flatMap((m) =>
    ['.tsx', '.ts', '/index.tsx', '/index.ts'].map((ext) => path.resolve(path.dirname(file), m[1]! + ext)).filter((f) => fs.existsSync(f)),
  );
}

const keysIn = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/['`"]((?:admin|auth)\.[A-Za-z0-9_.]*)/g)].map((m) => ({ file, key: m[1]! }));
const covered = (key: string) => CLIENT_MESSAGES.some((prefix) => key.startsWith(prefix) || prefix.startsWith(key));

describe('the root client dictionary', () => {
  it('has every administration and sign-in key that client components outside those areas use', () => {
    const clientFiles = sourceFiles(src).filter(
      (file) => !OWN_AREAS.some((area) => file.startsWith(area)) && fs.readFileSync(file, 'utf8').startsWith("'use client'"),
    );
    expect(clientFiles.length).toBeGreaterThan(20);
    const files = new Set([...clientFiles, ...clientFiles.flatMap(relativeImports)]);
    const missing = [...files].flatMap(keysIn).filter(({ key }) => !covered(key));
    expect(missing).toEqual([]);
  });

  it('has every administration error and input check a procedure can send to any screen', () => {
    const keys = sourceFiles(api)
      .flatMap(keysIn)
      .filter(({ key }) => /^admin\.(?:[A-Za-z]+\.)?(?:errors?|validation)\./.test(key));
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter(({ key }) => !covered(key))).toEqual([]);
  });
});
