import { requireAdmin } from '@/lib/auth/session';
import { PICKER_SHOWN, pickableContacts } from '@/lib/contacts/queries';
import { PickerQuery } from '@/lib/contacts/schema';
import { parseQuery } from '@/lib/forms/query';

/**
 * The type-ahead of the contact pickers (group responsible, transfer of tickets, group
 * members): the company's active contacts matching `q`, in name order, 20 at a time, as JSON.
 * `except` leaves a contact out, `group` a group's members. Administrators only; another
 * company's ids simply match nobody.
 */
export async function GET(request: Request) {
  const ctx = await requireAdmin();
  const { q, except, group } = parseQuery(PickerQuery, Object.fromEntries(new URL(request.url).searchParams));
  const found = await pickableContacts(ctx.companyId, { q, exceptId: except, notInGroup: group, limit: PICKER_SHOWN });
  return Response.json(
    { people: found.slice(0, PICKER_SHOWN), more: found.length > PICKER_SHOWN },
    // Personal data of the company: never kept by a shared cache or the browser's.
    { headers: { 'cache-control': 'private, no-store' } },
  );
}
