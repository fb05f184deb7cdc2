'use client';

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { useForm, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { idleState, type ActionState } from '@/lib/forms/action-state';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The form posts to its server action in every case (it works without JavaScript);
 * with JavaScript, react-hook-form validates the same zod schema first and shows field
 * errors as the person types. The server stays the authority.
 */
export function useActionForm<T extends FieldValues>(
  schema: z.ZodType<T, FieldValues>,
  action: Action,
  opts: { params?: Record<string, string | number>; initialValues?: Partial<Record<Path<T>, string>> } = {},
) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const formRef = useRef<HTMLFormElement>(null);
  const t = useTranslations('validation');
  const form = useForm<T>({
    resolver: zodResolver(schema as never) as unknown as Resolver<T>,
    // Errors appear on submit and then follow the typing. Validating on blur moved the
    // layout under the pointer and swallowed the click that caused the blur.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: { ...opts.initialValues, ...state.values } as never,
  });
  // A server error disappears once the person edits that field; a new answer brings its own.
  const [dismissed, setDismissed] = useState<{ answer: ActionState; names: string[] }>({ answer: state, names: [] });
  const dismissedNames = dismissed.answer === state ? dismissed.names : [];

  useEffect(() => {
    if (state.status !== 'error' || !formRef.current) return;
    const firstInvalid = Object.keys(state.fieldErrors ?? {})[0];
    const target = firstInvalid
      ? formRef.current.querySelector<HTMLElement>(`[name="${CSS.escape(firstInvalid)}"]`)
      : formRef.current.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(element)));
    })(event);
  };

  const errorFor = (name: Path<T>): string | undefined => {
    const clientKey = form.formState.errors[name]?.message;
    if (typeof clientKey === 'string' && clientKey) return t(clientKey as never, (opts.params ?? {}) as never);
    return dismissedNames.includes(name) ? undefined : state.fieldErrors?.[name];
  };

  const field = (name: Path<T>) => {
    const { ref, ...rest } = form.register(name, {
      onChange: () => setDismissed((d) => ({ answer: state, names: [...(d.answer === state ? d.names : []), name] })),
    });
    return { ...rest, inputRef: ref, error: errorFor(name), defaultValue: state.values?.[name] ?? opts.initialValues?.[name] };
  };

  return { state, pending, formRef, formAction, onSubmit, field, watch: form.watch, setValue: form.setValue };
}
