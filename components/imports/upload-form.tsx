'use client';

import { useState, type FormEvent } from 'react';
import { FieldShell, fieldIds } from '@/components/ui/field-shell';
import { SubmitButton } from '@/components/ui/submit-button';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * The file goes to /contacts/import/upload as a plain multipart POST, with or without
 * JavaScript. With it, a file over the limit or of another kind is refused before the
 * upload, and the button shows that the file is being checked.
 */
export type UploadLabels = { fileLabel: string; fileHint: string; submit: string; submitting: string; noFile: string; tooLarge: string; empty: string };

// Labels come from the server page: this namespace is not sent to every page's client.
export function UploadForm({ error, labels }: { error?: string; labels: UploadLabels }) {
  const [clientError, setClientError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const shown = clientError ?? error;
  const hint = labels.fileHint;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (pending) {
      event.preventDefault();
      return;
    }
    const input = event.currentTarget.elements.namedItem('file') as HTMLInputElement;
    const file = input.files?.[0];
    const problem = !file ? 'noFile' : file.size > MAX_BYTES ? 'tooLarge' : file.size === 0 ? 'empty' : null;
    if (problem) {
      event.preventDefault();
      setClientError(labels[problem]);
      input.focus();
      return;
    }
    setClientError(undefined);
    setPending(true);
  }

  return (
    <form method="post" action="/contacts/import/upload" encType="multipart/form-data" className="form upload-form" noValidate onSubmit={onSubmit}>
      <FieldShell id="import-file" label={labels.fileLabel} hint={hint} error={shown} required>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,text/csv,text/plain"
          className="field__input field__input--file"
          aria-required
          aria-invalid={shown ? true : undefined}
          aria-describedby={fieldIds('import-file', hint, shown).describedBy}
          onChange={() => setClientError(undefined)}
        />
      </FieldShell>
      <div className="form__actions">
        <SubmitButton pending={pending} pendingLabel={labels.submitting}>
          {labels.submit}
        </SubmitButton>
      </div>
    </form>
  );
}
