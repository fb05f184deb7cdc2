import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { findValidToken } from '@/lib/auth/tokens';
import { createCompany } from '@/lib/companies/mutations';
import { createContact } from '@/lib/contacts/mutations';
import { CreateContactSchema } from '@/lib/contacts/schema';
import { makeCompany, randomCpf } from '../support/fixtures';

describe('invitations never cross companies', () => {
  it("another company's administrator adding a person gets no password link and voids nothing", async () => {
    const acme = await createCompany({ code: 'ACMESAFE', name: 'ACME', adminEmail: 'ana@acme-safe.test', adminName: 'Ana' });
    const acmeToken = acme.inviteLink!.split('/invite/')[1]!;
    const evil = await makeCompany({ name: 'Evil' });
    const ctx = { companyId: evil.company.id, companyName: evil.company.name, contactId: evil.admin.id, email: evil.adminEmail };
    const input = CreateContactSchema.parse({
      country: 'BR',
      name: 'Ana (na Evil)',
      document: randomCpf(),
      areaCode: '11',
      phone: '987654321',
      email: 'ANA@acme-safe.test',
      emailConfirmation: 'ana@acme-safe.test',
      consultancy: 'no',
    });
    expect((await createContact(ctx, input)).ok).toBe(true);

    const evilMail = await db.select().from(mailOutbox).where(and(eq(mailOutbox.companyId, evil.company.id), eq(mailOutbox.toAddress, 'ANA@acme-safe.test')));
    expect(evilMail).toHaveLength(1);
    expect(evilMail[0]!.kind).toBe('access_granted');
    expect(evilMail[0]!.textBody).not.toMatch(/\/invite\//);
    // ACME's own invitation still works.
    expect(await findValidToken(db, acmeToken, 'invite')).toMatchObject({ companyId: acme.company.id });
  });
});
