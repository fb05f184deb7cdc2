import { db } from '@/db/client';
import { readiness } from '@/lib/health';
import { isShuttingDown } from '@/lib/shutdown';

// Readiness, for a load balancer: the database answers and every migration of this build is
// applied, and the instance is not stopping. 503 otherwise, with which check failed. Nothing
// about sessions, companies or people.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const headers = { 'cache-control': 'no-store' };
  if (isShuttingDown()) return Response.json({ status: 'stopping' }, { status: 503, headers });
  const { ready, database, migrations } = await readiness(db);
  return Response.json({ status: ready ? 'ready' : 'unavailable', database, migrations }, { status: ready ? 200 : 503, headers });
}
