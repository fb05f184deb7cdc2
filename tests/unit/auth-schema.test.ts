import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ChangePasswordSchema,
  ForgotPasswordSchema,
  NewPasswordSchema,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  SignInSchema,
  VALIDATION_PARAMS,
} from '@/lib/auth/schema';
import { fieldErrorKeys } from '@/lib/forms/action-state';
import ptBR from '@/lib/i18n/messages/pt-BR.json';
import en from '@/lib/i18n/messages/en.json';

/** Field → first message key, or null when the input is valid. */
function errors(schema: z.ZodType, input: unknown): Record<string, string> | null {
  const result = schema.safeParse(input);
  return result.success ? null : fieldErrorKeys(result.error);
}

const good = 'correct-horse-battery';

describe('SignInSchema', () => {
  it('accepts an e-mail and a password, trimming the e-mail', () => {
    const result = SignInSchema.safeParse({ email: '  ana@example.com ', password: 'x' });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ email: 'ana@example.com', password: 'x' });
  });

  it('requires the e-mail and the password', () => {
    expect(errors(SignInSchema, { email: '', password: '' })).toEqual({ email: 'emailRequired', password: 'passwordRequired' });
    expect(errors(SignInSchema, { email: '   ', password: 'x' })).toEqual({ email: 'emailRequired' });
  });

  it('rejects an invalid e-mail', () => {
    expect(errors(SignInSchema, { email: 'ana@', password: 'x' })).toEqual({ email: 'emailInvalid' });
    expect(errors(SignInSchema, { email: 'ana example.com', password: 'x' })).toEqual({ email: 'emailInvalid' });
  });

  it('rejects an overlong e-mail', () => {
    const email = `${'a'.repeat(250)}@example.com`;
    expect(errors(SignInSchema, { email, password: 'x' })).toEqual({ email: 'emailInvalid' });
  });

  it('rejects an overlong password', () => {
    expect(errors(SignInSchema, { email: 'ana@example.com', password: 'x'.repeat(PASSWORD_MAX_LENGTH + 1) })).toEqual({ password: 'passwordTooLong' });
  });

  it('does not apply the new-password minimum length at sign-in', () => {
    expect(errors(SignInSchema, { email: 'ana@example.com', password: 'short' })).toBeNull();
  });
});

describe('ForgotPasswordSchema', () => {
  it('accepts a valid e-mail', () => {
    expect(errors(ForgotPasswordSchema, { email: 'ana@example.com.br' })).toBeNull();
  });

  it('requires a valid e-mail', () => {
    expect(errors(ForgotPasswordSchema, { email: '' })).toEqual({ email: 'emailRequired' });
    expect(errors(ForgotPasswordSchema, { email: 'nope' })).toEqual({ email: 'emailInvalid' });
  });
});

describe('NewPasswordSchema', () => {
  it('accepts a long enough password confirmed exactly', () => {
    expect(errors(NewPasswordSchema, { password: good, confirmPassword: good })).toBeNull();
  });

  it(`accepts exactly ${PASSWORD_MIN_LENGTH} characters`, () => {
    const p = 'a'.repeat(PASSWORD_MIN_LENGTH);
    expect(errors(NewPasswordSchema, { password: p, confirmPassword: p })).toBeNull();
  });

  it('reports a mismatch on confirmPassword', () => {
    expect(errors(NewPasswordSchema, { password: good, confirmPassword: `${good}!` })).toEqual({ confirmPassword: 'passwordMismatch' });
  });

  it('reports a password that is too short', () => {
    const p = 'a'.repeat(PASSWORD_MIN_LENGTH - 1);
    expect(errors(NewPasswordSchema, { password: p, confirmPassword: p })).toEqual({ password: 'passwordTooShort' });
  });

  it('reports a password that is too long', () => {
    const p = 'a'.repeat(PASSWORD_MAX_LENGTH + 1);
    expect(errors(NewPasswordSchema, { password: p, confirmPassword: p })).toEqual({ password: 'passwordTooLong' });
  });

  it('requires the confirmation', () => {
    expect(errors(NewPasswordSchema, { password: good, confirmPassword: '' })).toEqual({ confirmPassword: 'passwordRequired' });
  });
});

describe('ChangePasswordSchema', () => {
  it('accepts the current password and a confirmed new one', () => {
    expect(errors(ChangePasswordSchema, { currentPassword: 'old', password: good, confirmPassword: good })).toBeNull();
  });

  it('requires the current password', () => {
    expect(errors(ChangePasswordSchema, { currentPassword: '', password: good, confirmPassword: good })).toEqual({ currentPassword: 'passwordRequired' });
  });

  it('reports a mismatch on confirmPassword', () => {
    expect(errors(ChangePasswordSchema, { currentPassword: 'old', password: good, confirmPassword: 'other-password' })).toEqual({
      confirmPassword: 'passwordMismatch',
    });
  });

  it('reports a new password that is too short', () => {
    expect(errors(ChangePasswordSchema, { currentPassword: 'old', password: 'short', confirmPassword: 'short' })).toEqual({ password: 'passwordTooShort' });
  });
});

describe('validation message keys', () => {
  const keys = ['emailRequired', 'emailInvalid', 'passwordRequired', 'passwordTooShort', 'passwordTooLong', 'passwordMismatch'];

  it.each(keys)('%s exists under "validation" in pt-BR and en', (key) => {
    const pt = (ptBR.validation as Record<string, unknown>)[key];
    const eng = (en.validation as Record<string, unknown>)[key];
    expect(typeof pt).toBe('string');
    expect(typeof eng).toBe('string');
    expect(pt).not.toBe('');
    expect(eng).not.toBe('');
  });

  it('every key the schemas produce is in the list above', () => {
    const produced = new Set<string>();
    const collect = (e: Record<string, string> | null) => Object.values(e ?? {}).forEach((k) => produced.add(k));
    collect(errors(SignInSchema, { email: '', password: '' }));
    collect(errors(SignInSchema, { email: 'x', password: 'x'.repeat(PASSWORD_MAX_LENGTH + 1) }));
    collect(errors(NewPasswordSchema, { password: 'short', confirmPassword: '' }));
    collect(errors(NewPasswordSchema, { password: good, confirmPassword: 'x' }));
    collect(errors(ChangePasswordSchema, { currentPassword: '', password: 'x'.repeat(PASSWORD_MAX_LENGTH + 1), confirmPassword: 'x' }));
    expect([...produced].sort()).toEqual([...keys].sort());
  });

  it('VALIDATION_PARAMS carries the length limits used in the messages', () => {
    expect(VALIDATION_PARAMS).toEqual({ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
    expect(ptBR.validation.passwordTooShort).toContain('{min}');
    expect(en.validation.passwordTooShort).toContain('{min}');
    expect(ptBR.validation.passwordTooLong).toContain('{max}');
    expect(en.validation.passwordTooLong).toContain('{max}');
  });
});
