import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { contacts } from '@/db/schema';
import { encodeChunk, EXPORT_HEADER, exportLine, neutralise } from '@/lib/contacts/csv/export';
import { parseContactsCsv } from '@/lib/contacts/csv/rows';
import { EXPORT_BATCH, exportContacts } from '@/lib/contacts/queries';
import { makeCompany, makeContact } from '../support/fixtures';

async function exportCsv(companyId: string, encoding: 'utf-8' | 'windows-1252') {
  const parts: Uint8Array[] = [encodeChunk(`${EXPORT_HEADER.join(';')}\r\n`, encoding, true)];
  for await (const batch of exportContacts(companyId)) parts.push(encodeChunk(batch.map((r) => `${exportLine(r)}\r\n`).join(''), encoding, false));
  return Buffer.concat(parts);
}

describe('"Exportar CSV"', () => {
  it.each(['windows-1252', 'utf-8'] as const)('round-trips through the import (%s), formulas neutralised', async (encoding) => {
    const { company } = await makeCompany();
    const other = await makeCompany();
    await makeContact(company.id, { name: '=SOMA(1;2) Conceição', email: 'formula@a.example' });
    const sofia0 = await makeContact(company.id, { name: 'Sofía "La" Fernández', email: 'sofia@a.example', country: 'AR', document: 'DNI 30123456' });
    await db.update(contacts).set({ areaCode: '11', phone: '41234567' }).where(eq(contacts.id, sofia0.id)); // a Buenos Aires landline
    await makeContact(other.company.id, { name: 'Da Outra Empresa', email: 'outra@b.example' });
    const bytes = await exportCsv(company.id, encoding);
    if (encoding === 'utf-8') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = encoding === 'utf-8' ? bytes.toString('utf8') : bytes.toString('latin1');
    expect(text).toContain("'=SOMA(1;2)");
    expect(text).not.toContain('Da Outra Empresa');

    const parsed = parseContactsCsv(new Uint8Array(bytes));
    if (!parsed.ok) throw new Error(parsed.error);
    // The administrator of a company made by the fixtures has no document or phone: the
    // import refuses that row, as the form would; every complete contact comes back as it was.
    const ok = parsed.rows.filter((r) => r.status === 'ok');
    expect(ok.map((r) => (r.status === 'ok' ? r.input.name : '')).sort()).toEqual(['=SOMA(1;2) Conceição', 'Sofía "La" Fernández']);
    const sofia = ok.find((r) => r.status === 'ok' && r.input.country === 'AR');
    expect(sofia).toMatchObject({ input: { document: 'DNI 30123456', email: 'sofia@a.example' } });
  });

  it('streams in keyset batches without repeating or losing anyone', async () => {
    const { company } = await makeCompany();
    for (let i = 0; i < 7; i++) await makeContact(company.id, { name: `Mesmo Nome` });
    const seen: string[] = [];
    for await (const batch of exportContacts(company.id)) seen.push(...batch.map((r) => r.id));
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(EXPORT_BATCH).toBeGreaterThan(0);
  });

  it('neutralises every formula-like start', () => {
    expect(['=1+1', '+55', '-3', '@cmd', '\tx', '\rx', 'ok'].map(neutralise)).toEqual(["'=1+1", "'+55", "'-3", "'@cmd", "'\tx", "'\rx", 'ok']);
  });
});
