export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    // First: sign-in throttling and "Sessões ativas" need the client's real address.
    const { installPeerHeader } = await import('./lib/auth/peer-header');
    installPeerHeader();
    const { startMailWorker } = await import('./lib/mail/worker');
    startMailWorker();
    const { startImportWorker } = await import('./lib/contacts/import/worker');
    startImportWorker();
  }
}
