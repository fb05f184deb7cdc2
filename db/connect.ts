// Opens the database the product runs on: PostgreSQL through a pg pool when a URL is given,
// otherwise PGlite (Postgres in WASM) persisted in a local directory. Kept free of
// 'server-only' so the start script, the CLI and the tests can use it too.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

// Both drivers expose the same query builder; one type keeps the repositories driver-agnostic.
export type Database = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

export interface Connection {
  db: Database;
  kind: 'postgres' | 'pglite';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PORTARIA_DATA_DIR ?? path.join(process.cwd(), '.data'));
}

export function connectPostgres(url: string, poolSize = Number(process.env.DB_POOL_SIZE ?? 10)): Connection {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', (err) => console.error('[db] idle client error', err));
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' });
  return {
    db,
    kind: 'postgres',
    migrate: () => migratePg(db, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => pool.end(),
  };
}

// PGlite (about 45 MB once loaded) is loaded only by a process that uses it: a server on
// PostgreSQL never pays for the embedded database.
const load = createRequire(import.meta.url);
const pglite = () => ({
  ...(load('@electric-sql/pglite') as typeof import('@electric-sql/pglite')),
  ...(load('@electric-sql/pglite/contrib/pg_trgm') as typeof import('@electric-sql/pglite/contrib/pg_trgm')),
  ...(load('@electric-sql/pglite/contrib/btree_gin') as typeof import('@electric-sql/pglite/contrib/btree_gin')),
  ...(load('drizzle-orm/pglite') as typeof import('drizzle-orm/pglite')),
  ...(load('drizzle-orm/pglite/migrator') as typeof import('drizzle-orm/pglite/migrator')),
});

export function connectPglite(client: PGlite): Connection {
  const { drizzle: drizzlePglite, migrate: migratePglite } = pglite();
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
  };
}

/** PGlite with the extensions the migrations need (pg_trgm and btree_gin for contact search). */
export function openPglite(options: PGliteOptions = {}): PGlite {
  const { PGlite, pg_trgm, btree_gin } = pglite();
  return new PGlite({ ...options, extensions: { ...options.extensions, pg_trgm, btree_gin } });
}

export function connectFromEnv(): Connection {
  const url = process.env.DATABASE_URL;
  if (url) return connectPostgres(url);
  const dir = path.join(/*turbopackIgnore: true*/ dataDir(), 'pglite');
  mkdirSync(dir, { recursive: true });
  return connectPglite(openPglite({ dataDir: dir }));
}
