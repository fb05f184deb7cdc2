import { adminForRoute, isSameOrigin, seeOther, textResponse } from '@/lib/auth/route';
import { MAX_IMPORT_BYTES, previewImport, type PreviewResult } from '@/lib/contacts/import/preview';

// The upload of "Importar usuários". A route handler rather than a server action so that a
// file over the limit gets the page's own message (Next refuses an oversized action body
// with an error page), and so the body is never read past the limit.
const MULTIPART_OVERHEAD = 64 * 1024;

function back(error: Exclude<PreviewResult, { ok: true }> | { error: 'noFile' | 'tooLarge' | 'crossSite' }): Response {
  const query = new URLSearchParams({ error: error.error });
  if ('missing' in error && error.missing?.length) query.set('missing', error.missing.join(','));
  if ('line' in error && error.line) query.set('line', String(error.line));
  return seeOther(`/contacts/import?${query.toString()}`);
}

/** Reads at most `limit` bytes of the body; null when there is more. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return textResponse(403, 'crossSite');
  const admin = await adminForRoute();
  if (!admin.ok) return admin.response;
  const limit = MAX_IMPORT_BYTES + MULTIPART_OVERHEAD;
  if (Number(request.headers.get('content-length') ?? 0) > limit) return back({ error: 'tooLarge' });
  const body = await readCapped(request, limit);
  if (!body) return back({ error: 'tooLarge' });
  let file: FormDataEntryValue | null = null;
  try {
    const form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    file = form.get('file');
  } catch {
    return back({ error: 'noFile' });
  }
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return back({ error: 'noFile' });
  if (file.size > MAX_IMPORT_BYTES) return back({ error: 'tooLarge' });
  const result = await previewImport(admin.ctx, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!result.ok) return back(result);
  return seeOther(`/contacts/import/${result.jobId}`);
}

// A signed-out upload is sent to the sign-in page, which brings the person back here with a
// GET: send them to the upload page.
export function GET() {
  return seeOther('/contacts/import');
}
