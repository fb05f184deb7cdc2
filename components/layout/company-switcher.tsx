import { getTranslations } from '@/lib/i18n/server';
import { switchCompanyAction } from '@/lib/auth/actions';
import type { ContactContext } from '@/lib/auth/context';

export async function CompanySwitcher({ ctx }: { ctx: ContactContext }) {
  const t = await getTranslations('nav');
  if (ctx.memberships.length < 2) {
    return (
      <p className="topbar__company">
        <span className="visually-hidden">{t('company')}: </span>
        {ctx.companyName}
      </p>
    );
  }
  return (
    <form action={switchCompanyAction} className="topbar__company company-switcher">
      <label htmlFor="company-select" className="visually-hidden">
        {t('company')}
      </label>
      <select id="company-select" name="companyId" defaultValue={ctx.companyId}>
        {ctx.memberships.map((m) => (
          <option key={m.companyId} value={m.companyId}>
            {m.companyName}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn--secondary btn--small">
        {t('switchCompany')}
      </button>
    </form>
  );
}
