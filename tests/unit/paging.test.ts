import { describe, expect, it } from 'vitest';
import { lastPage, loadPage, MAX_PAGE, requestedPage } from '@/lib/forms/paging';

describe('page numbers from the address (issue finding 8)', () => {
  it('reads a page number, and 1 for anything else', () => {
    expect(requestedPage('3')).toBe(3);
    expect(requestedPage(undefined)).toBe(1);
    expect(requestedPage(['2', '3'])).toBe(1);
    for (const nonsense of ['', 'abc', '-3', '0', 'NaN', 'Infinity']) expect(requestedPage(nonsense), nonsense).toBe(1);
  });

  it('never more than MAX_PAGE, whose offset stays an exact integer', () => {
    expect(requestedPage('9'.repeat(30))).toBe(MAX_PAGE);
    expect(requestedPage('1e400')).toBe(1);
    expect(Number.isSafeInteger(MAX_PAGE * 100)).toBe(true);
    expect(String(MAX_PAGE * 100)).toMatch(/^\d+$/);
  });

  it('knows the last page, 1 when there is nothing', () => {
    expect([lastPage(0, 25), lastPage(25, 25), lastPage(26, 25)]).toEqual([1, 1, 2]);
  });

  it('loads the last page for one past the end, and only then twice', async () => {
    const calls: number[] = [];
    const load = async (page: number) => {
      calls.push(page);
      return { total: 60, rows: page <= 3 ? [`row of ${page}`] : [] };
    };
    expect(await loadPage(2, 25, load)).toEqual({ total: 60, rows: ['row of 2'], page: 2 });
    expect(calls).toEqual([2]);
    calls.length = 0;
    expect(await loadPage(MAX_PAGE, 25, load)).toEqual({ total: 60, rows: ['row of 3'], page: 3 });
    expect(calls).toEqual([MAX_PAGE, 3]);
  });
});
