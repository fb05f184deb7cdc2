import { requireAdmin } from '@/lib/auth/session';
import { encodeChunk, EXPORT_HEADER, exportLine, type ExportEncoding } from '@/lib/contacts/csv/export';
import { exportContacts } from '@/lib/contacts/queries';

// "Exportar CSV": streamed, in the import layout, Windows-1252 by default (what Excel in
// Brazil opens with accents right) or UTF-8 with a BOM (?encoding=utf-8).
export async function GET(request: Request) {
  const ctx = await requireAdmin();
  const encoding: ExportEncoding = new URL(request.url).searchParams.get('encoding') === 'utf-8' ? 'utf-8' : 'windows-1252';
  const batches = exportContacts(ctx.companyId);
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        controller.enqueue(encodeChunk(`${EXPORT_HEADER.join(';')}\r\n`, encoding, true));
        first = false;
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encodeChunk(next.value.map((row) => `${exportLine(row)}\r\n`).join(''), encoding, false));
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'content-type': `text/csv; charset=${encoding}`,
      'content-disposition': `attachment; filename="contatos-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
