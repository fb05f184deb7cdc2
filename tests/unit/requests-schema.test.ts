import { describe, expect, it } from 'vitest';
import { fieldErrorKeys } from '@/lib/forms/action-state';
import { CreateContactSchema } from '@/lib/contacts/schema';
import { BulkDecisionSchema, RequestListQuery, SignupSchema } from '@/lib/requests/schema';

const person = {
  country: 'BR',
  name: 'Renata Moreira',
  document: '529.982.247-25',
  areaCode: '41',
  phone: '99111-2233',
  email: 'renata@acme.com.br',
  emailConfirmation: 'RENATA@acme.com.br',
  consultancy: 'no',
};

describe('"Quero me cadastrar"', () => {
  it('takes the fields of "Adicionar usuário", a company code (upper-cased) and an optional reason', () => {
    const parsed = SignupSchema.parse({ ...person, companyCode: ' demo ', reason: '' });
    expect(parsed).toMatchObject({ companyCode: 'DEMO', reason: '', email: 'renata@acme.com.br' });
  });

  it('answers invalid fields with the very messages of "Adicionar usuário"', () => {
    const bad = { ...person, document: '111.111.111-11', areaCode: '20', emailConfirmation: 'outra@acme.com.br', name: '' };
    const asSignup = fieldErrorKeys(SignupSchema.safeParse({ ...bad, companyCode: 'DEMO', reason: '' }).error!);
    const asContact = fieldErrorKeys(CreateContactSchema.safeParse(bad).error!);
    expect(asSignup).toEqual(asContact);
    expect(Object.keys(asSignup).sort()).toEqual(['areaCode', 'document', 'emailConfirmation', 'name']);
  });

  it.each([
    ['', 'companyCodeRequired'],
    ['DE MO', 'companyCodeInvalid'],
    ['DEMO;DROP', 'companyCodeInvalid'],
    ['X'.repeat(33), 'companyCodeInvalid'],
  ])('refuses the company code %j', (companyCode, key) => {
    expect(fieldErrorKeys(SignupSchema.safeParse({ ...person, companyCode, reason: '' }).error!).companyCode).toBe(key);
  });

  it('refuses a reason over 500 characters', () => {
    expect(fieldErrorKeys(SignupSchema.safeParse({ ...person, companyCode: 'DEMO', reason: 'x'.repeat(501) }).error!).reason).toBe('reasonTooLong');
    expect(SignupSchema.safeParse({ ...person, companyCode: 'DEMO', reason: 'x'.repeat(500) }).success).toBe(true);
  });
});

describe('bulk decisions and the inbox address', () => {
  const id = '3f1c9a52-8c1e-4f6b-9d0a-2b7e5c4d1a90';
  it('needs a decision and at least one valid id, at most 1,000', () => {
    expect(BulkDecisionSchema.safeParse({ decision: 'approve', ids: [id] }).success).toBe(true);
    expect(BulkDecisionSchema.safeParse({ decision: 'approve', ids: [] }).success).toBe(false);
    expect(BulkDecisionSchema.safeParse({ decision: 'approve', ids: ['nope'] }).success).toBe(false);
    expect(BulkDecisionSchema.safeParse({ decision: 'delete', ids: [id] }).success).toBe(false);
    expect(BulkDecisionSchema.safeParse({ decision: 'approve', ids: Array(1001).fill(id) }).success).toBe(false);
  });

  it('reads any address without failing', () => {
    expect(RequestListQuery.parse({})).toEqual({ status: 'pending', page: 1, batch: '' });
    expect(RequestListQuery.parse({ status: 'rejected', page: '3', batch: '42' })).toEqual({ status: 'rejected', page: 3, batch: '42' });
    expect(RequestListQuery.parse({ status: ['x'], page: 'abc', batch: "1' or 1=1" })).toEqual({ status: 'pending', page: 1, batch: '' });
  });
});
