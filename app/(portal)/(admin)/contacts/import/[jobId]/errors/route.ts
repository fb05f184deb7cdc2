import { getTranslations } from 'next-intl/server';
import { adminForRoute } from '@/lib/auth/route';
import { csvField, encodeChunk, EXPORT_HEADER, type ExportEncoding } from '@/lib/contacts/csv/export';
import { CSV_COLUMNS } from '@/lib/contacts/csv/rows';
import { problemText } from '@/lib/contacts/import/messages';
import { getImportJob, problemRows } from '@/lib/contacts/import/queries';

// The rows that were not imported, as they were in the file, plus an "erro" column: fix
// them in Excel and import the same file again (the extra column is ignored).
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const admin = await adminForRoute();
  if (!admin.ok) return admin.response;
  const job = await getImportJob(admin.ctx.companyId, (await params).jobId);
  if (!job) return new Response('Importação não encontrada.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const [ti, tv] = await Promise.all([getTranslations('contactImport'), getTranslations('validation')]);
  // The same encoding as the file that came in, so Excel opens it the same way.
  const encoding: ExportEncoding = job.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
  const batches = problemRows(job);
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        controller.enqueue(encodeChunk(`${[...EXPORT_HEADER, 'erro'].join(';')}\r\n`, encoding, true));
        first = false;
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const text = next.value
        .map((row) => [...CSV_COLUMNS.map((c) => row.values[c] ?? ''), problemText(row, ti as never, tv as never)].map(csvField).join(';') + '\r\n')
        .join('');
      controller.enqueue(encodeChunk(text, encoding, false));
    },
  });
  // The file's own name, for browsers that read filename* (any script), and an ASCII one
  // for the others: a header cannot carry "Łódź" or "контакты" as they are.
  const base = job.fileName.replace(/\.csv$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'importacao';
  const ascii = base.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'importacao';
  return new Response(stream, {
    headers: {
      'content-type': `text/csv; charset=${encoding}`,
      'content-disposition': `attachment; filename="${ascii}-erros.csv"; filename*=UTF-8''${encodeURIComponent(`${base}-erros.csv`)}`,
      'cache-control': 'no-store',
    },
  });
}
