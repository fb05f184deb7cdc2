'use server';

import { z } from 'zod';
import { adminButton } from '@/lib/forms/action';
import { discardImport, startImport } from './run';
import { kickImports } from './worker';

// Buttons of the preview page; the job id comes from the form and is looked up in the
// session's company only.
const JobSchema = z.object({ jobId: z.uuid() });
const jobPage = (jobId: unknown) => (typeof jobId === 'string' && z.uuid().safeParse(jobId).success ? `/contacts/import/${jobId}` : '/contacts/import');

/** "Importar usuários" (and "Tentar novamente" after an interruption). */
export const startImportAction = adminButton({
  schema: JobSchema,
  form: { fields: ['jobId'] },
  run: async (ctx, input) => {
    const result = await startImport(ctx, input.jobId);
    if (result.ok) kickImports();
    return result;
  },
  // Not this company's import: back to the imports; otherwise the job's page says why.
  refused: (input, r) => ({ to: !r || r.error === 'notFound' ? '/contacts/import' : jobPage(input.jobId) }),
  done: (_r, input) => ({ to: jobPage(input.jobId) }),
});

export const discardImportAction = adminButton({
  schema: JobSchema,
  form: { fields: ['jobId'] },
  run: async (ctx, input) => ({ ok: await discardImport(ctx, input.jobId) }),
  refused: (input) => ({ to: jobPage(input.jobId) }),
  done: () => ({ to: '/contacts/import', flash: 'import-discarded', revalidate: '/contacts/import' }),
});
