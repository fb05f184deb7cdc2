'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/session';
import { withFlash } from '@/lib/forms/flash';
import { discardImport, startImport } from './run';
import { kickImports } from './worker';

// Buttons of the preview page; the job id comes from the form and is looked up in the
// session's company only.
const jobIdOf = (formData: FormData) => String(formData.get('jobId') ?? '');

/** "Importar usuários" (and "Tentar novamente" after an interruption). */
export async function startImportAction(formData: FormData): Promise<void> {
  const ctx = await requireAdmin();
  const jobId = jobIdOf(formData);
  const result = await startImport(ctx, jobId);
  if (!result.ok && result.error === 'notFound') redirect('/contacts/import');
  if (result.ok) kickImports();
  redirect(`/contacts/import/${jobId}`);
}

export async function discardImportAction(formData: FormData): Promise<void> {
  const ctx = await requireAdmin();
  const jobId = jobIdOf(formData);
  if (!(await discardImport(ctx, jobId))) redirect(`/contacts/import/${jobId}`);
  revalidatePath('/contacts/import');
  redirect(withFlash('/contacts/import', 'import-discarded'));
}
