import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { db } from '@/db/client';
import { auditEvents, contacts, mailOutbox } from '@/db/schema';
import { CompanyCodeTaken, createCompany } from '@/lib/companies/mutations';

describe('createCompany', () => {
  it('creates the company, its administrator, the invitation and the history together', async () => {
    const result = await createCompany({ code: 'acme', name: 'ACME Ltda', adminEmail: 'Ana@ACME.com.br', adminName: 'Ana Souza' });
    expect(result.company.code).toBe('ACME');
    expect(result.admin).toMatchObject({ isAdmin: true, email: 'ana@acme.com.br', name: 'Ana Souza', status: 'active' });
    expect(result.inviteLink).toMatch(/\/invite\/[\w-]{20,}$/);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.companyId, result.company.id));
    expect(mail).toMatchObject({ kind: 'invite', toAddress: 'ana@acme.com.br', status: 'pending' });
    expect(mail!.textBody).toContain(result.inviteLink!);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.companyId, result.company.id));
    expect(events.map((e) => e.action).sort()).toEqual(['company.created', 'contact.created']);
  });

  it('refuses a code already in use, and leaves nothing half-written', async () => {
    await createCompany({ code: 'DUPLA', name: 'Primeira', adminEmail: 'um@dupla.test', adminName: 'Um' });
    await expect(createCompany({ code: 'dupla', name: 'Segunda', adminEmail: 'dois@dupla.test', adminName: 'Dois' })).rejects.toBeInstanceOf(CompanyCodeTaken);
    expect(await db.select().from(contacts).where(eq(contacts.email, 'dois@dupla.test'))).toHaveLength(0);
  });

  it('refuses invalid input', async () => {
    await expect(createCompany({ code: 'x', name: 'A', adminEmail: 'não-é-email', adminName: '' })).rejects.toBeInstanceOf(ZodError);
  });
});
