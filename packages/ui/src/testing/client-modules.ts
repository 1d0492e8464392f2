// For the tests that check what each app's root layout sends to client components: which modules run in the
// browser, and which message keys their code names.
import fs from 'node:fs';
import path from 'node:path';

/** Every TypeScript source file under `dir`, tests left out. */
export function sourceFiles(dir: string): string[] {
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

/**
 * The client components (`'use client'` modules) under `dirs`, except those whose path starts with one of
 * `except`, and the files they import by relative path.
 */
export function clientModules(dirs: readonly string[], except: readonly string[]): string[] {
  const clients = dirs
    .flatMap(sourceFiles)
    .filter((file) => !except.some((prefix) => file.startsWith(prefix)) && fs.readFileSync(file, 'utf8').startsWith("'use client'"));
  return [...new Set([...clients, ...clients.flatMap(relativeImports)])];
}

/** The message keys under `namespaces` that a file's code names (string literals; comment lines skipped). */
export function messageKeys(file: string, namespaces: readonly string[]): { file: string; key: string }[] {
  const literal = new RegExp(`['\`"]((?:${namespaces.join('|')})\\.[A-Za-z0-9_.]*)`, 'g');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .flatMap((line) => [...line.matchAll(literal)].map((m) => ({ file, key: m[1]! })));
}
