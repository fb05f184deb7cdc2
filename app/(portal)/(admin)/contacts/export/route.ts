import { requireAdmin } from '@/lib/auth/session';
import { csvDownload } from '@/lib/contacts/csv/download';
import { EXPORT_HEADER, exportLine, type ExportEncoding } from '@/lib/contacts/csv/export';
import { exportContacts } from '@/lib/contacts/queries';

// "Exportar CSV": streamed, in the import layout, Windows-1252 by default (what Excel in
// Brazil opens with accents right) or UTF-8 with a BOM (?encoding=utf-8).
export async function GET(request: Request) {
  const ctx = await requireAdmin();
  const encoding: ExportEncoding = new URL(request.url).searchParams.get('encoding') === 'utf-8' ? 'utf-8' : 'windows-1252';
  async function* lines() {
    for await (const batch of exportContacts(ctx.companyId)) yield batch.map(exportLine);
  }
  const day = new Date().toISOString().slice(0, 10);
  return csvDownload({ header: EXPORT_HEADER, batches: lines(), encoding, fileName: `contatos-${day}.csv` });
}
