'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { contactActions, type ActionSubject, type ContactAction } from '@/lib/contacts/actions-menu';

/** "Ações" and each action's label, translated once for the whole list (not once per row). */
export type RowMenuTexts = Record<'menu' | ContactAction['key'], string>;

/** The menu open on the page, closed when another one opens. */
let closeOpenMenu: (() => void) | null = null;

/**
 * "Ações" on a row of the list. Without JavaScript it is a link to the contact's page, which
 * shows every action; with JavaScript it opens the same actions as a list under the button
 * (a disclosure: button with aria-expanded, then the links in reading order). The list is
 * built when it opens, so the page carries one link per row instead of eight.
 * It closes on Escape (focus back on the button), on a click or focus outside it, when
 * another row's menu opens, and when one of its links is followed.
 */
export function RowMenu({ contact, label, texts }: { contact: ActionSubject; label: string; texts: RowMenuTexts }) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    if (closeOpenMenu && closeOpenMenu !== close) closeOpenMenu();
    closeOpenMenu = close;
    const outside = (event: Event) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
      document.removeEventListener('keydown', escape);
      if (closeOpenMenu === close) closeOpenMenu = null;
    };
  }, [open]);

  if (!hydrated) {
    return (
      <a href={`/contacts/${contact.id}`} className="btn btn--secondary btn--small row-menu__trigger" aria-label={label}>
        {texts.menu}
      </a>
    );
  }
  return (
    <div className="row-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn btn--secondary btn--small row-menu__trigger"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {texts.menu}
      </button>
      {open ? (
        <ul id={listId} className="row-menu__list">
          {contactActions(contact).map((a) => (
            <li key={a.key}>
              {a.confirms ? (
                <Link href={a.href} prefetch={false} className={a.danger ? 'row-menu__danger' : undefined} onClick={() => setOpen(false)}>
                  {texts[a.key]}
                </Link>
              ) : (
                <a href={a.href} className={a.danger ? 'row-menu__danger' : undefined}>
                  {texts[a.key]}
                </a>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
