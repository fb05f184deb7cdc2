import { redirect } from 'next/navigation';
import { requireContact } from '@/lib/auth/session';

export default async function Home() {
  const ctx = await requireContact();
  redirect(ctx.isAdmin ? '/contacts' : '/tickets');
}
