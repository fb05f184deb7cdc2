import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorKeys, formValues, idleState } from '@/lib/forms/action-state';

describe('fieldErrorKeys', () => {
  const schema = z.object({
    name: z.string().min(1, 'nameRequired').max(3, 'nameTooLong'),
    email: z.string().min(1, 'emailRequired').pipe(z.email('emailInvalid')),
    address: z.object({ city: z.string().min(1, 'cityRequired') }),
  });

  it('returns one message key per invalid field', () => {
    const result = schema.safeParse({ name: '', email: 'not-an-email', address: { city: '' } });
    expect(result.success).toBe(false);
    expect(fieldErrorKeys(result.error!)).toEqual({ name: 'nameRequired', email: 'emailInvalid', 'address.city': 'cityRequired' });
  });

  it('keeps the first issue when a field has several', () => {
    const multi = z.object({
      code: z.string().min(5, 'codeTooShort').regex(/^\d+$/, 'codeDigitsOnly'),
    });
    const result = multi.safeParse({ code: 'ab' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual(['codeTooShort', 'codeDigitsOnly']);
    expect(fieldErrorKeys(result.error!)).toEqual({ code: 'codeTooShort' });
  });

  it('leaves valid fields out', () => {
    const result = schema.safeParse({ name: 'Ana', email: '', address: { city: 'Recife' } });
    expect(fieldErrorKeys(result.error!)).toEqual({ email: 'emailRequired' });
  });

  it('ignores issues without a path', () => {
    const whole = z.string().min(3, 'tooShort');
    const result = whole.safeParse('a');
    expect(fieldErrorKeys(result.error!)).toEqual({});
  });
});

describe('formValues', () => {
  it('picks only the listed string fields', () => {
    const fd = new FormData();
    fd.set('email', 'ana@example.com');
    fd.set('name', 'Ana');
    fd.set('password', 'secret-secret');
    fd.set('avatar', new Blob(['x']), 'avatar.png');
    expect(formValues(fd, ['email', 'name', 'avatar', 'missing'])).toEqual({ email: 'ana@example.com', name: 'Ana' });
  });

  it('keeps empty strings', () => {
    const fd = new FormData();
    fd.set('email', '');
    expect(formValues(fd, ['email'])).toEqual({ email: '' });
  });

  it('returns nothing for no fields', () => {
    const fd = new FormData();
    fd.set('email', 'ana@example.com');
    expect(formValues(fd, [])).toEqual({});
  });
});

describe('idleState', () => {
  it('is idle', () => {
    expect(idleState).toEqual({ status: 'idle' });
  });
});

describe('formValues and NUL', () => {
  it('drops NUL characters, which no text column can store', () => {
    const data = new FormData();
    data.set('name', 'Ana\u0000 Souza');
    expect(formValues(data, ['name'])).toEqual({ name: 'Ana Souza' });
  });
});
