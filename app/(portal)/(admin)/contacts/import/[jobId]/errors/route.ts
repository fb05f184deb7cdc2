import { getTranslations } from '@/lib/i18n/server';
import { adminForRoute, textResponse } from '@/lib/auth/route';
import { csvDownload } from '@/lib/contacts/csv/download';
import { csvField, EXPORT_HEADER, type ExportEncoding } from '@/lib/contacts/csv/export';
import { CSV_COLUMNS } from '@/lib/contacts/csv/rows';
import { problemText } from '@/lib/contacts/import/messages';
import { getImportJob, problemRows } from '@/lib/contacts/import/queries';

// The rows that were not imported, as they were in the file, plus an "erro" column: fix
// them in Excel and import the same file again (the extra column is ignored).
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const admin = await adminForRoute();
  if (!admin.ok) return admin.response;
  const job = await getImportJob(admin.ctx.companyId, (await params).jobId);
  if (!job) return textResponse(404, 'importNotFound');
  const [ti, tv] = await Promise.all([getTranslations('contactImport'), getTranslations('validation')]);
  async function* lines() {
    for await (const batch of problemRows(job!)) {
      yield batch.map((row) => [...CSV_COLUMNS.map((c) => row.values[c] ?? ''), problemText(row, ti as never, tv as never)].map(csvField).join(';'));
    }
  }
  // The same encoding as the file that came in, so Excel opens it the same way.
  const encoding: ExportEncoding = job.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
  const base =
    job.fileName
      .replace(/\.csv$/i, '')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .slice(0, 80) || 'importacao';
  return csvDownload({ header: [...EXPORT_HEADER, 'erro'], batches: lines(), encoding, fileName: `${base}-erros.csv` });
}
