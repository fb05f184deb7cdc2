import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates migrations here; they are applied by the app itself
// (scripts/migrate.ts and on start), because PGlite must never be opened by two processes.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
