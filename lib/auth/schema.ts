import { z } from '@/lib/forms/zod';
export const PASSWORD_MIN_LENGTH = 10;

// Messages are catalog keys under "validation"; the form and the action translate them.
export const PASSWORD_MAX_LENGTH = 200;

const email = z.string().trim().min(1, 'emailRequired').max(254, 'emailInvalid').pipe(z.email('emailInvalid'));
const newPassword = z.string().min(PASSWORD_MIN_LENGTH, 'passwordTooShort').max(PASSWORD_MAX_LENGTH, 'passwordTooLong');

export const SignInSchema = z.object({
  email,
  password: z.string().min(1, 'passwordRequired').max(PASSWORD_MAX_LENGTH, 'passwordTooLong'),
});

export const ForgotPasswordSchema = z.object({ email });

export const NewPasswordSchema = z
  .object({ password: newPassword, confirmPassword: z.string().min(1, 'passwordRequired') })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordMismatch' });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'passwordRequired'),
    password: newPassword,
    confirmPassword: z.string().min(1, 'passwordRequired'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordMismatch' });

export const VALIDATION_PARAMS = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
