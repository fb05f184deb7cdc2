import type { ReactNode } from 'react';

/** A form-level problem; announced at once. */
export function FormAlert({ children, id }: { children: ReactNode; id?: string }) {
  if (!children) return null;
  return (
    <div className="alert alert--error" role="alert" id={id} tabIndex={-1}>
      {children}
    </div>
  );
}

/** Success feedback at the top of the page an action returns to. */
export function StatusMessage({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return <div className="alert alert--info">{children}</div>;
}
