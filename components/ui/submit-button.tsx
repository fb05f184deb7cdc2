import type { ButtonHTMLAttributes } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { pending?: boolean; pendingLabel?: string; variant?: 'primary' | 'secondary' | 'danger' };

export function SubmitButton({ pending, pendingLabel, variant = 'primary', children, className, ...rest }: Props) {
  return (
    <button type="submit" className={`btn btn--${variant}${className ? ` ${className}` : ''}`} aria-disabled={pending || undefined} {...rest}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
