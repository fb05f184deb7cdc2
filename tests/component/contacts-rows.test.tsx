import { fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import messages from '@/lib/i18n/messages/pt-BR.json';
import { ContactsRows, type ContactItem } from '@/components/contacts/contacts-rows';
import { EmailText } from '@/components/ui/email-text';

const row = (over: Partial<ContactItem> = {}): ContactItem => ({
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Ana Lima',
  email: 'ana.lima@empresa.com.br',
  country: 'BR',
  document: null,
  areaCode: null,
  phone: null,
  isAdmin: false,
  status: 'active',
  invitationPending: true,
  whenText: null,
  ...over,
});

const table = (rows: ContactItem[]) => (
  <NextIntlClientProvider locale="pt-BR" messages={messages} timeZone="America/Sao_Paulo">
    <table>
      <ContactsRows rows={rows} view="active" selectable />
    </table>
  </NextIntlClientProvider>
);

describe('EmailText', () => {
  it('keeps the address whole and marks a break after "@" and each "."', () => {
    const html = renderToString(<EmailText email="ana.lima@empresa.com.br" />);
    expect(html).toBe('ana.<wbr/>lima@<wbr/>empresa.<wbr/>com.<wbr/>br');
    const { container } = render(
      <p>
        <EmailText email="ana.lima@empresa.com.br" />
      </p>,
    );
    expect(container.textContent).toBe('ana.lima@empresa.com.br');
  });

  it('an address without a dot or "@" is one word', () => {
    expect(renderToString(<EmailText email="localhost" />)).toBe('localhost');
  });
});

describe("the list's row menu", () => {
  it('without JavaScript, "Ações" is a link to the contact\'s page, named for the person', () => {
    const html = renderToString(table([row()]));
    expect(html).toContain('href="/contacts/11111111-1111-4111-8111-111111111111"');
    expect(html).toContain('aria-label="Ações para Ana Lima"');
    expect(html).toContain('>Ações</a>');
  });

  it("opened, it lists the person's actions with their labels, each row its own", () => {
    render(table([row(), row({ id: '22222222-2222-4222-8222-222222222222', name: 'Bruno Souza', isAdmin: true, invitationPending: false })]));
    fireEvent.click(screen.getByRole('button', { name: 'Ações para Ana Lima' }));
    const labels = screen.getAllByRole('link').map((a) => a.textContent);
    for (const label of ['Editar perfil', 'Permissões de acesso', 'Transferir administração', 'Reenviar convite', 'Desativar acesso', 'Excluir perfil']) {
      expect(labels).toContain(label);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Ações para Bruno Souza' }));
    // The administrator's menu: no transfer of administration to himself, no deactivation.
    expect(screen.getByRole('button', { name: 'Ações para Bruno Souza' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { name: 'Ações para Ana Lima' }).getAttribute('aria-expanded')).toBe('false');
    const adminLabels = screen.getAllByRole('link').map((a) => a.textContent);
    expect(adminLabels).toContain('Editar perfil');
    expect(adminLabels).not.toContain('Desativar acesso');
    expect(adminLabels.every((l) => l && l.trim().length > 0)).toBe(true);
  });
});
