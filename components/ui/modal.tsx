'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A confirmation page shown as a dialog when JavaScript is on (an intercepted route).
 * Escape or the close button goes back to where the person was.
 */
export function Modal({ title, closeLabel, children }: { title: string; closeLabel: string; children: ReactNode }) {
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby="modal-title"
      onCancel={(e) => {
        e.preventDefault();
        router.back();
      }}
    >
      <div className="modal__head">
        <h2 id="modal-title">{title}</h2>
        <button type="button" className="btn btn--link modal__close" aria-label={closeLabel} onClick={() => router.back()}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
