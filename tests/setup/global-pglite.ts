import type { TestProject } from 'vitest/node';
import { connectPglite, openPglite } from '../../db/connect';

// Migrating a fresh PGlite takes ~1.5 s; every test file instead loads this migrated copy.
export default async function setup(project: TestProject) {
  const client = openPglite();
  const conn = connectPglite(client);
  await conn.migrate();
  const dump = await client.dumpDataDir('none');
  const bytes = new Uint8Array(await dump.arrayBuffer());
  await conn.close();
  project.provide('pgliteTemplate', Buffer.from(bytes).toString('base64'));
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
