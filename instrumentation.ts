export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startMailWorker } = await import('./lib/mail/worker');
    startMailWorker();
    const { startImportWorker } = await import('./lib/contacts/import/worker');
    startImportWorker();
  }
}
