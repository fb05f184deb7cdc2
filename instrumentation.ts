export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    // First: sign-in throttling and "Sessões ativas" need the client's real address.
    const { installPeerHeader } = await import('./lib/auth/peer-header');
    installPeerHeader();
    // One JSON line per request, with its id (lib/http/request-log.ts).
    const { installRequestLog } = await import('./lib/http/request-log');
    installRequestLog();
    // On SIGTERM: requests in flight finish, the background work stops cleanly (lib/shutdown.ts).
    const { installGracefulShutdown, onShutdown } = await import('./lib/shutdown');
    installGracefulShutdown();
    // The jobs run here unless a worker of their own runs them (WORKER=off, `npm run worker`).
    if (process.env.WORKER !== 'off') {
      const { startWorkers, stopWorkers } = await import('./lib/jobs/workers');
      startWorkers();
      onShutdown(stopWorkers);
    }
  }
}

/** A server error while rendering or in an action: one JSON line, with the request's id (lib/log.ts). */
export async function onRequestError(err: unknown, request: { path: string; method: string }, context: { routeType: string }) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ log }, { loggedPath }] = await Promise.all([import('./lib/log'), import('./lib/http/request-log')]);
  log().error({ err, method: request.method, path: loggedPath(request.path), routeType: context.routeType }, 'request.failed');
}
