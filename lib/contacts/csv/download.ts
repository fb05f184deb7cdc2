import { encodeChunk, type ExportEncoding } from './export';

/** A file name fit for a header: the name in any script (filename*), and an ASCII fallback. */
function disposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'arquivo.csv';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A CSV download streamed batch by batch ("Exportar CSV", the rows of an import with
 * problems): the header line first (with the BOM when UTF-8), CRLF line ends as Excel writes.
 */
export function csvDownload(opts: { header: string[]; batches: AsyncIterator<string[]>; encoding: ExportEncoding; fileName: string }): Response {
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        controller.enqueue(encodeChunk(`${opts.header.join(';')}\r\n`, opts.encoding, true));
        first = false;
        return;
      }
      const next = await opts.batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encodeChunk(next.value.map((line) => `${line}\r\n`).join(''), opts.encoding, false));
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': `text/csv; charset=${opts.encoding}`,
      'content-disposition': disposition(opts.fileName),
      'cache-control': 'no-store',
    },
  });
}
