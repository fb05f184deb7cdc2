// Page numbers come from the address, where anyone can type anything: "?page=-3", "?page=abc"
// or thirty nines. Every paged page reads its number here and loads through loadPage, so a
// number out of range shows the nearest page that exists instead of failing in the database.

/**
 * Far beyond any real page count, and small enough that page × page size stays an exact
 * integer the database accepts as an OFFSET (a float like 1e30 is refused: HTTP 500).
 */
export const MAX_PAGE = 1_000_000_000;

/** The page an address asks for: 1 when it names none or nonsense, at most MAX_PAGE. */
export function requestedPage(value: string | string[] | undefined): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(n, MAX_PAGE);
}

export function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * Loads the requested page; past the end (an old link after removals, a typed number) it loads
 * the last page instead. The second query only happens in that case.
 */
export async function loadPage<T extends { total: number }>(
  requested: number,
  pageSize: number,
  load: (page: number) => Promise<T>,
): Promise<T & { page: number }> {
  const page = Math.min(Math.max(1, Math.floor(requested)), MAX_PAGE);
  const result = await load(page);
  const last = lastPage(result.total, pageSize);
  if (page <= last) return { ...result, page };
  return { ...(await load(last)), page: last };
}
