import { defineConfig } from 'prisma/config';

// The Prisma CLI is used here only for `prisma generate`; migrations are applied by our own migrator
// (packages/db/src/migrate.ts) in Prisma Migrate's format, so `prisma migrate deploy` also works where
// Prisma's engines can be downloaded.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/tobacco' },
});
