import { connectFromEnv } from '../db/connect';
import { assertEmbeddedDatabaseFree } from './runtime';

assertEmbeddedDatabaseFree();
const conn = connectFromEnv();
await conn.migrate();
await conn.close();
console.log(`Migrações aplicadas (${conn.kind === 'postgres' ? 'PostgreSQL' : 'banco embutido'}).`);
