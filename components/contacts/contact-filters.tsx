import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { DismissableDetails } from '@/components/ui/dismissable-details';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/choice-fields';
import { PERMISSION_KEYS } from '@/db/schema/permission-keys';
import { ACCESS_FILTERS, CONSULTANCY_CHOICES, CONTACT_ROLES, INVITATION_STATES, LIST_PAGE_SIZES, type ContactFilters } from '@/lib/contacts/schema';

type Props = {
  q: string;
  filters: ContactFilters;
  size: string;
  /** Kept as they are: the order and the view (Ativos, Desativados, Removidos). */
  hidden: Record<string, string>;
  /** "Limpar filtros": the list with the same order and view, no search and no filter; null when nothing is set. */
  clearHref: string | null;
};

/**
 * Search and filters of "Usuários do Sistema" in one GET form: everything lands in the
 * address (a filtered list can be bookmarked or shared) and works without JavaScript. The
 * permissions are checkboxes in a disclosure: a contact must hold every one ticked.
 */
export async function ContactFilterForm({ q, filters, size, hidden, clearHref }: Props) {
  const [t, tp] = await Promise.all([getTranslations('contacts'), getTranslations('permissions')]);
  const permsSummary = filters.perms.length === 0 ? t('filterPermsAny') : t('filterPermsCount', { count: filters.perms.length });
  return (
    <form method="get" action="/contacts" role="search" className="filters filters--contacts" aria-label={t('filtersLabel')}>
      <Field id="contacts-q" name="q" label={t('search')} type="search" defaultValue={q} maxLength={100} placeholder={t('searchPlaceholder')} />
      <SelectField
        name="role"
        label={t('filterRole')}
        defaultValue={filters.role}
        options={[{ value: '', label: t('filterAny') }, ...CONTACT_ROLES.map((r) => ({ value: r, label: t(`filterRole_${r}`) }))]}
      />
      <SelectField
        name="consultancy"
        label={t('filterConsultancy')}
        defaultValue={filters.consultancy}
        options={[{ value: '', label: t('filterAny') }, ...CONSULTANCY_CHOICES.map((c) => ({ value: c, label: t(`filterConsultancy_${c}`) }))]}
      />
      <SelectField
        name="invitation"
        label={t('filterInvitation')}
        defaultValue={filters.invitation}
        options={[{ value: '', label: t('filterAny') }, ...INVITATION_STATES.map((s) => ({ value: s, label: t(`filterInvitation_${s}`) }))]}
      />
      <SelectField
        name="access"
        label={t('filterAccess')}
        defaultValue={filters.access}
        options={[{ value: '', label: t('filterAny') }, ...ACCESS_FILTERS.map((a) => ({ value: a, label: t(`filterAccess_${a}`) }))]}
      />
      <fieldset className="field filters__perms">
        <legend className="field__label">{t('filterPerms')}</legend>
        <DismissableDetails className="dropdown">
          <summary className="dropdown__summary">{permsSummary}</summary>
          <div className="dropdown__panel">
            <p className="field__hint dropdown__hint">{t('filterPermsHint')}</p>
            {PERMISSION_KEYS.map((k) => (
              <label key={k} className="checkbox">
                <input type="checkbox" name="perm" value={k} defaultChecked={filters.perms.includes(k)} />
                <span>{tp(k)}</span>
              </label>
            ))}
          </div>
        </DismissableDetails>
      </fieldset>
      <SelectField name="size" label={t('pageSize')} defaultValue={size} options={LIST_PAGE_SIZES.map((s) => ({ value: s, label: s }))} />
      <div className="filters__actions">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="btn btn--secondary">
          {t('searchSubmit')}
        </button>
        {clearHref ? (
          <Link href={clearHref} className="btn btn--link">
            {t('clearFilters')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
