import { getTranslations } from '@/lib/i18n/server';
import { ContactFilterFields, type FilterSelect } from './contact-filter-fields';
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
  const any = { value: '', label: t('filterAny') };
  const choices = (name: string, label: string, value: string, values: readonly string[], prefix: string): FilterSelect => ({
    name,
    label,
    value,
    options: [any, ...values.map((v) => ({ value: v, label: t(`${prefix}_${v}` as never) }))],
  });
  return (
    <ContactFilterFields
      texts={{
        form: t('filtersLabel'),
        search: t('search'),
        searchPlaceholder: t('searchPlaceholder'),
        perms: t('filterPerms'),
        permsHint: t('filterPermsHint'),
        permsSummary: filters.perms.length === 0 ? t('filterPermsAny') : t('filterPermsCount', { count: filters.perms.length }),
        submit: t('searchSubmit'),
        clear: t('clearFilters'),
      }}
      q={q}
      selects={[
        choices('role', t('filterRole'), filters.role, CONTACT_ROLES, 'filterRole'),
        choices('consultancy', t('filterConsultancy'), filters.consultancy, CONSULTANCY_CHOICES, 'filterConsultancy'),
        choices('invitation', t('filterInvitation'), filters.invitation, INVITATION_STATES, 'filterInvitation'),
        choices('access', t('filterAccess'), filters.access, ACCESS_FILTERS, 'filterAccess'),
      ]}
      perms={PERMISSION_KEYS.map((k) => ({ value: k, label: tp(k), checked: filters.perms.includes(k) }))}
      size={{ name: 'size', label: t('pageSize'), value: size, options: LIST_PAGE_SIZES.map((s) => ({ value: s, label: s })) }}
      hidden={hidden}
      clearHref={clearHref}
    />
  );
}
