// Liveness, for a load balancer or an orchestrator: the process answers. No database, no session.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
