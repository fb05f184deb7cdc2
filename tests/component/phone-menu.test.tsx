import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { usePathname } from 'next/navigation';
import { PhoneMenu } from '@/components/layout/phone-menu';

vi.mock('next/navigation', () => ({ usePathname: vi.fn(() => '/groups/123') }));
const pathname = vi.mocked(usePathname);

const ITEMS = [
  { href: '/contacts', label: 'Usuários do Sistema' },
  { href: '/groups', label: 'Grupo de Usuários' },
];

function renderMenu() {
  return render(
    <PhoneMenu navLabel="Navegação principal" menuLabel="Menu" items={ITEMS}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.href}>
            {/* As next/link does: the page changes without a new document. */}
            <a href={item.href} onClick={(event) => event.preventDefault()}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </PhoneMenu>,
  );
}

const details = () => screen.getByRole('navigation', { name: 'Navegação principal' }).querySelector('details')!;
const summary = () => details().querySelector('summary')!;

describe('PhoneMenu', () => {
  beforeEach(() => pathname.mockReturnValue('/groups/123'));

  it("names the current section on its button, a page under an item's address included", () => {
    renderMenu();
    expect(summary().textContent).toBe('Menu·Grupo de Usuários');
    expect(details().open).toBe(false);
  });

  it('names only "Menu" on a page outside the navigation', () => {
    pathname.mockReturnValue('/profile');
    renderMenu();
    expect(summary().textContent).toBe('Menu');
  });

  it('closes on Escape and gives the focus back to its button', () => {
    renderMenu();
    details().open = true;
    fireEvent.keyDown(screen.getByRole('link', { name: 'Usuários do Sistema' }), { key: 'Escape' });
    expect(details().open).toBe(false);
    expect(document.activeElement).toBe(summary());
  });

  it('closes when a link is followed, and on a click outside', () => {
    renderMenu();
    details().open = true;
    fireEvent.click(screen.getByRole('link', { name: 'Grupo de Usuários' }));
    expect(details().open).toBe(false);
    details().open = true;
    fireEvent.pointerDown(document.body);
    expect(details().open).toBe(false);
  });

  it('closes when the page changes under it', () => {
    const { rerender } = renderMenu();
    details().open = true;
    pathname.mockReturnValue('/contacts');
    rerender(
      <PhoneMenu navLabel="Navegação principal" menuLabel="Menu" items={ITEMS}>
        <p>lista</p>
      </PhoneMenu>,
    );
    expect(details().open).toBe(false);
    expect(summary().textContent).toBe('Menu·Usuários do Sistema');
  });
});
