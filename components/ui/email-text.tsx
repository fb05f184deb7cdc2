import type { ReactNode } from 'react';

/**
 * An e-mail address that wraps after "@" and ".", never in the middle of a word. The parts and
 * the `<wbr>` between them are one flat list (no element around each part): a list of 25
 * addresses renders that many elements fewer.
 */
export function EmailText({ email }: { email: string }) {
  const parts = email.split(/(?<=[@.])/);
  const out: ReactNode[] = [parts[0]];
  for (let i = 1; i < parts.length; i++) out.push(<wbr key={i} />, parts[i]);
  return <>{out}</>;
}
