import { getTranslations } from '@/lib/i18n/server';
import { signOutAction } from '@/lib/auth/actions';

export async function SignOutButton({ className = 'btn btn--link' }: { className?: string }) {
  const t = await getTranslations('nav');
  return (
    <form action={signOutAction} className="inline-form">
      <button type="submit" className={className}>
        {t('signOut')}
      </button>
    </form>
  );
}
