'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { EmailText } from './email-text';
import { useHydrated } from './use-hydrated';

export type PickedPerson = { id: string; name: string; email: string };

type Common = {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** The type-ahead's address with its fixed parameters (`/contacts/picker?except=…`); `q` is added. */
  source: string;
  /** What the page shows without JavaScript (and before the page's script runs): a search and a list to choose from. */
  fallback: ReactNode;
};

type Single = Common & {
  multiple?: false;
  /** The hidden field the form posts: the chosen person's id, '' for nobody. */
  name: string;
  initial: PickedPerson | null;
  /** Whether "nobody" is a valid choice (a group without a responsible). */
  clearable?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onPick?: (person: PickedPerson | null) => void;
};

type Multiple = Common & {
  multiple: true;
  /** One hidden field per chosen person, all with this name. */
  name: string;
  initial?: PickedPerson[];
};

type Answer = { people: PickedPerson[]; more: boolean };

const DEBOUNCE_MS = 150;

/**
 * A searchable contact picker: a combobox (ARIA 1.2, list autocomplete) that asks the
 * server as the administrator types and finds anyone of the company, however large. Without
 * JavaScript, and until the page's script runs, the page's own fallback is shown (a search
 * that reloads the page and a list to choose from). Single: one person in a hidden field.
 * Multiple: each chosen person listed with "Remover", one hidden field each.
 */
export function ContactPicker(props: Single | Multiple) {
  const hydrated = useHydrated();
  if (!hydrated) return <>{props.fallback}</>;
  return <Combobox {...props} />;
}

function Combobox(props: Single | Multiple) {
  const t = useTranslations('picker');
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const single = !props.multiple;
  const [chosen, setChosen] = useState<PickedPerson | null>(single ? props.initial : null);
  const [many, setMany] = useState<PickedPerson[]>(props.multiple ? (props.initial ?? []) : []);
  const [text, setText] = useState(single && props.initial ? props.initial.name : '');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(false);
  const request = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      request.current?.abort();
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const search = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      setLoading(true);
      try {
        const url = `${props.source}${props.source.includes('?') ? '&' : '?'}q=${encodeURIComponent(q)}`;
        const res = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
        if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json')) throw new Error(`HTTP ${res.status}`);
        const data = (await res.json()) as Answer;
        const taken = new Set(many.map((p) => p.id));
        setAnswer({ people: data.people.filter((p) => !taken.has(p.id)), more: data.more });
        setFailed(false);
        setActive(-1);
        setOpen(true);
      } catch (err) {
        if ((err as Error).name === 'AbortError') return;
        setFailed(true);
        setAnswer(null);
        setOpen(true);
      } finally {
        if (request.current === controller) setLoading(false);
      }
    }, DEBOUNCE_MS);
  };

  const pick = (person: PickedPerson) => {
    if (single) {
      setChosen(person);
      setText(person.name);
      (props as Single).onPick?.(person);
    } else {
      setMany((list) => (list.some((p) => p.id === person.id) ? list : [...list, person]));
      setText('');
    }
    setOpen(false);
    setAnswer(null);
    setActive(-1);
  };

  const clear = () => {
    setChosen(null);
    setText('');
    (props as Single).onPick?.(null);
  };

  const options = answer?.people ?? [];
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) search(text);
      else setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      // Enter chooses the highlighted person; it never submits the form from the search field.
      if (open || text) e.preventDefault();
      if (open && active >= 0 && options[active]) pick(options[active]);
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
        if (single) setText(chosen?.name ?? '');
      }
    }
  };

  const errorId = props.error ? `${id}-error` : undefined;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const statusId = `${id}-status`;
  const status = loading
    ? t('searching')
    : failed
      ? t('failed')
      : answer
        ? answer.people.length === 0
          ? t('none')
          : answer.more
            ? t('more', { count: answer.people.length })
            : t('count', { count: answer.people.length })
        : '';

  return (
    <div className={`field picker${props.error ? ' field--invalid' : ''}`}>
      <label htmlFor={inputId} className="field__label">
        {props.label}
        {props.required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {props.multiple && many.length > 0 ? (
        <ul className="picker__chosen" aria-label={t('chosen')}>
          {many.map((p) => (
            <li key={p.id}>
              <input type="hidden" name={props.name} value={p.id} />
              <span>
                {p.name}{' '}
                <span className="muted">
                  · <EmailText email={p.email} />
                </span>
              </span>
              <button
                type="button"
                className="btn btn--link btn--small"
                aria-label={t('remove', { name: p.name })}
                onClick={() => setMany((list) => list.filter((x) => x.id !== p.id))}
              >
                {t('removeShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="picker__box">
        <input
          id={inputId}
          ref={single ? (props as Single).inputRef : undefined}
          type="text"
          role="combobox"
          className="field__input"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={text}
          placeholder={t('placeholder')}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 && options[active] ? `${id}-opt-${active}` : undefined}
          aria-required={props.required || undefined}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={[hintId, errorId, statusId].filter(Boolean).join(' ')}
          onChange={(e) => {
            setText(e.target.value);
            // Typing again means choosing again: the earlier choice is let go.
            if (single && chosen) {
              setChosen(null);
              (props as Single).onPick?.(null);
            }
            // An emptied field closes the list; ArrowDown browses from the first by name.
            if (e.target.value.trim()) search(e.target.value);
            else {
              if (timer.current) clearTimeout(timer.current);
              request.current?.abort();
              setOpen(false);
              setAnswer(null);
            }
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {single ? <input type="hidden" name={props.name} value={chosen?.id ?? ''} /> : null}
        {single && (props as Single).clearable && (chosen || text) ? (
          <button type="button" className="btn btn--link btn--small picker__clear" onClick={clear}>
            {t('clear')}
          </button>
        ) : null}
        <ul id={listId} role="listbox" aria-label={props.label} className="picker__list" hidden={!open || options.length === 0}>
          {options.map((p, i) => (
            <li
              key={p.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={`picker__option${i === active ? ' picker__option--active' : ''}`}
              // mousedown, not click: the field keeps the focus, so its blur does not close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              <span className="picker__name">{p.name}</span> <span className="muted picker__email">{p.email}</span>
            </li>
          ))}
        </ul>
      </div>
      {props.hint ? (
        <p id={hintId} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      <p id={statusId} className={open || failed ? 'field__hint picker__status' : 'visually-hidden'} aria-live="polite">
        {open || failed ? status : ''}
      </p>
      {props.error ? (
        <p id={errorId} className="field__error">
          {props.error}
        </p>
      ) : null}
      {single && chosen ? (
        <p className="field__hint picker__current">
          {t('current', { name: chosen.name })} · <EmailText email={chosen.email} />
        </p>
      ) : null}
    </div>
  );
}
