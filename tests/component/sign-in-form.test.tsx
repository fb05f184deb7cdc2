import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import messages from '@/lib/i18n/messages/pt-BR.json';
import { signInAction } from '@/lib/auth/actions';
import { SignInForm } from '@/components/auth/sign-in-form';

vi.mock('@/lib/auth/actions', () => ({
  signInAction: vi.fn(async () => ({ status: 'error', message: 'E-mail ou senha incorretos.', values: { email: 'a@b.com' } })),
}));

const action = vi.mocked(signInAction);

function renderForm(props: Parameters<typeof SignInForm>[0] = {}) {
  return render(
    <NextIntlClientProvider locale="pt-BR" messages={messages} timeZone="America/Sao_Paulo">
      <SignInForm {...props} />
    </NextIntlClientProvider>,
  );
}

const emailInput = () => screen.getByLabelText(/^E-mail/) as HTMLInputElement;
const passwordInput = () => screen.getByLabelText(/^Senha/) as HTMLInputElement;
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Entrar' }));

describe('SignInForm', () => {
  beforeEach(() => {
    action.mockClear();
  });

  it('renders labelled e-mail and password fields and no alert', () => {
    renderForm();
    expect(emailInput().type).toBe('email');
    expect(passwordInput().type).toBe('password');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows "Informe o e-mail." next to an empty e-mail and does not call the action', async () => {
    renderForm();
    fireEvent.change(passwordInput(), { target: { value: 'some-password' } });
    submit();

    const error = await screen.findByText('Informe o e-mail.');
    const email = emailInput();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(screen.queryByText('Informe a senha.')).toBeNull();
    expect(action).not.toHaveBeenCalled();
  });

  it('calls the action once with the e-mail and password, then shows its error in an alert', async () => {
    renderForm();
    fireEvent.change(emailInput(), { target: { value: 'a@b.com' } });
    fireEvent.change(passwordInput(), { target: { value: 'wrong-password' } });
    submit();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('E-mail ou senha incorretos.');
    expect(action).toHaveBeenCalledTimes(1);
    const formData = action.mock.calls[0]![1];
    expect(formData).toBeInstanceOf(FormData);
    expect(formData.get('email')).toBe('a@b.com');
    expect(formData.get('password')).toBe('wrong-password');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(emailInput().value).toBe('a@b.com');
  });

  it('sends the callback URL along with the credentials', async () => {
    renderForm({ callbackUrl: '/contacts?q=1' });
    fireEvent.change(emailInput(), { target: { value: 'a@b.com' } });
    fireEvent.change(passwordInput(), { target: { value: 'pw' } });
    submit();

    await screen.findByRole('alert');
    expect(action).toHaveBeenCalledTimes(1);
    expect(action.mock.calls[0]![1].get('callbackUrl')).toBe('/contacts?q=1');
  });
});
