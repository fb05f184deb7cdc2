import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Field } from '@/components/ui/field';

describe('Field', () => {
  it('associates the label with the input', () => {
    render(<Field name="email" label="E-mail" type="email" />);
    const input = screen.getByLabelText('E-mail');
    expect(input.tagName).toBe('INPUT');
    expect(input).toHaveProperty('name', 'email');
    expect(input.id).toBe('field-email');
    expect(input.getAttribute('type')).toBe('email');
  });

  it('uses a given id for the association', () => {
    render(<Field name="email" id="login-email" label="E-mail" />);
    expect(screen.getByLabelText('E-mail').id).toBe('login-email');
  });

  it('shows a required marker, hidden from screen readers, and announces "required" through aria-required', () => {
    const { container } = render(<Field name="email" label="E-mail" required />);
    const marker = container.querySelector('.field__required');
    expect(marker?.textContent).toBe(' *');
    expect(marker?.getAttribute('aria-hidden')).toBe('true');
    // The accessible name leaves out the aria-hidden "*".
    const input = screen.getByRole('textbox', { name: 'E-mail' });
    expect(input.getAttribute('aria-required')).toBe('true');
  });

  it('has no required marker on an optional field', () => {
    const { container } = render(<Field name="nickname" label="Apelido" />);
    expect(container.querySelector('.field__required')).toBeNull();
    expect(screen.getByLabelText('Apelido').hasAttribute('aria-required')).toBe(false);
  });

  it('references the hint with aria-describedby', () => {
    render(<Field name="phone" label="Telefone" hint="Somente números." />);
    const input = screen.getByLabelText('Telefone');
    const hint = screen.getByText('Somente números.');
    expect(input.getAttribute('aria-describedby')).toBe(hint.id);
    expect(hint.id).not.toBe('');
  });

  it('references hint and error with aria-describedby and marks the input invalid', () => {
    render(<Field name="phone" label="Telefone" hint="Somente números." error="Informe o telefone." />);
    const input = screen.getByLabelText('Telefone');
    const hint = screen.getByText('Somente números.');
    const error = screen.getByText('Informe o telefone.');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toEqual([hint.id, error.id]);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('references only the error when there is no hint', () => {
    render(<Field name="email" label="E-mail" error="Informe o e-mail." />);
    const input = screen.getByLabelText('E-mail');
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByText('Informe o e-mail.').id);
  });

  it('sets neither aria-invalid nor aria-describedby without an error or hint', () => {
    render(<Field name="email" label="E-mail" />);
    const input = screen.getByLabelText('E-mail');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it('does not set aria-invalid with only a hint', () => {
    render(<Field name="email" label="E-mail" hint="Use o e-mail da empresa." />);
    expect(screen.getByLabelText('E-mail').hasAttribute('aria-invalid')).toBe(false);
  });
});
