import { adminForRoute } from '@/lib/auth/route';
import { encodeChunk, EXPORT_HEADER } from '@/lib/contacts/csv/export';

// The "modelo": the import layout's header line, as Excel in Brazil writes it (';',
// Windows-1252, CRLF). No example person: a forgotten example row would become a contact.
export async function GET() {
  const admin = await adminForRoute();
  if (!admin.ok) return admin.response;
  return new Response(encodeChunk(`${EXPORT_HEADER.join(';')}\r\n`, 'windows-1252', true) as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': 'text/csv; charset=windows-1252',
      'content-disposition': 'attachment; filename="modelo-importacao-usuarios.csv"',
      'cache-control': 'no-store',
    },
  });
}
