import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { connectPglite, connectPostgres, openPglite, type Connection } from '../../db/connect';
import { installConnection } from '../../db/client';
import { databaseUrl } from './postgres-url';

// Each test file gets a database of its own, installed as the one the product code uses.
async function openDatabase(): Promise<{ conn: Connection; drop: () => Promise<void> }> {
  if (process.env.TEST_DB === 'postgres') {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `portaria_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    const conn = connectPostgres(databaseUrl(base, name), 20);
    return {
      conn,
      drop: async () => {
        await conn.close();
        // pool.end() resolves before every connection has gone; a forced drop would then
        // kill them mid-close and the pool would log it. Wait for them to leave first.
        for (let i = 0; i < 50; i++) {
          const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const bytes = Buffer.from(inject('pgliteTemplate'), 'base64');
  const client = openPglite({ loadDataDir: new Blob([bytes]) });
  const conn = connectPglite(client);
  return { conn, drop: () => conn.close() };
}

const { conn, drop } = await openDatabase();
installConnection(conn);

afterAll(async () => {
  await drop();
});
