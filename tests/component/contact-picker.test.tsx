import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import messages from '@/lib/i18n/messages/pt-BR.json';
import { ContactPicker, type PickedPerson } from '@/components/ui/contact-picker';

// The picker's behaviour in the browser: the server's answers come from a stand-in for
// /contacts/picker (its own tests are the e2e ones against the real route).
const people: PickedPerson[] = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'Ana Lima', email: 'ana@x.example' },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Bruno Souza', email: 'bruno@x.example' },
];
const asked: string[] = [];

beforeEach(() => {
  asked.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url);
      const q = new URL(url, 'http://x').searchParams.get('q') ?? '';
      const found = people.filter((p) => p.name.toLowerCase().includes(q.toLowerCase()));
      return new Response(JSON.stringify({ people: found, more: false }), { headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const wrap = (ui: React.ReactNode) => (
  <NextIntlClientProvider locale="pt-BR" messages={messages} timeZone="America/Sao_Paulo">
    <form data-testid="form">{ui}</form>
  </NextIntlClientProvider>
);

const hidden = (name: string) => Array.from(document.querySelectorAll<HTMLInputElement>(`input[type=hidden][name=${name}]`)).map((i) => i.value);

describe('ContactPicker', () => {
  it('renders the fallback in the server HTML (no JavaScript yet)', () => {
    const html = renderToString(
      wrap(
        <ContactPicker
          name="targetId"
          label="Nome do contato"
          source="/contacts/picker"
          initial={null}
          fallback={<select name="targetId" aria-label="sem script" />}
        />,
      ),
    );
    expect(html).toContain('aria-label="sem script"');
    expect(html).not.toContain('role="combobox"');
  });

  it('searches as one types, chooses by keyboard, and posts the id', async () => {
    render(wrap(<ContactPicker name="targetId" label="Nome do contato" source="/contacts/picker?except=abc" initial={null} fallback={null} />));
    const box = screen.getByRole('combobox', { name: 'Nome do contato' });
    fireEvent.change(box, { target: { value: 'bru' } });
    await waitFor(() => expect(screen.getByRole('option', { name: /Bruno Souza/ })).toBeTruthy());
    expect(asked.at(-1)).toBe('/contacts/picker?except=abc&q=bru');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: /Bruno Souza/ }).id);
    const enter = fireEvent.keyDown(box, { key: 'Enter' });
    expect(enter).toBe(false); // Enter chose; it did not submit the form
    expect((box as HTMLInputElement).value).toBe('Bruno Souza');
    expect(hidden('targetId')).toEqual([people[1]!.id]);
    expect(box.getAttribute('aria-expanded')).toBe('false');
    // Typing again lets the choice go: nothing is posted until a new one is chosen.
    fireEvent.change(box, { target: { value: 'Bruno Souz' } });
    expect(hidden('targetId')).toEqual(['']);
  });

  it('says when nobody is found, and when the search failed', async () => {
    render(wrap(<ContactPicker name="targetId" label="Nome do contato" source="/contacts/picker" initial={null} fallback={null} />));
    const box = screen.getByRole('combobox', { name: 'Nome do contato' });
    fireEvent.change(box, { target: { value: 'zzz' } });
    await waitFor(() => expect(screen.getByText(/Ninguém encontrado/)).toBeTruthy());
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>entrar</html>', { status: 200, headers: { 'content-type': 'text/html' } })),
    );
    fireEvent.change(box, { target: { value: 'ana' } });
    await waitFor(() => expect(screen.getByText(/Não foi possível pesquisar agora/)).toBeTruthy());
  });

  it('in multiple mode, lists each person chosen with a field each, and removes one', async () => {
    render(wrap(<ContactPicker multiple name="contactIds" label="Pessoas a vincular" source="/contacts/picker?group=g" fallback={null} />));
    const box = screen.getByRole('combobox', { name: 'Pessoas a vincular' });
    for (const name of ['Ana', 'Bruno']) {
      fireEvent.change(box, { target: { value: name } });
      const option = await screen.findByRole('option', { name: new RegExp(name) });
      fireEvent.mouseDown(option);
      expect((box as HTMLInputElement).value).toBe('');
    }
    expect(hidden('contactIds')).toEqual([people[0]!.id, people[1]!.id]);
    // Someone already chosen is not offered again.
    fireEvent.change(box, { target: { value: 'a' } });
    await waitFor(() => expect(screen.getByText(/Ninguém encontrado/)).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Remover Ana Lima' }));
    expect(hidden('contactIds')).toEqual([people[1]!.id]);
  });
});
