import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/connect';
import { enqueueMail } from '@/lib/mail/outbox';
import { requestsWaitingMail } from '@/lib/mail/templates';

/** The administrator hears of new requests at most once per this interval and company. */
export const NOTIFY_EVERY_MS = 60 * 60_000;
/** Requests named in one e-mail; the rest are counted. */
const LISTED = 20;

/**
 * E-mails each company's administrator the requests that arrived since the last e-mail, at
 * most one an hour per company (PRODUCT.md §2.8). Safe on several instances (SKIP LOCKED).
 */
export async function processRequestNotifications(db: Executor, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx.execute<{ id: string; name: string }>(sql`
      select c.id, c.name from companies c
      where c.id in (select distinct company_id from access_requests where status = 'pending' and notified_at is null)
        and (c.requests_notified_at is null or c.requests_notified_at <= ${new Date(now.getTime() - NOTIFY_EVERY_MS)})
      limit 50 for update of c skip locked`);
    for (const company of due.rows) {
      const waiting = await tx.execute<{ name: string; email: string; total: number }>(sql`
        select name, email, count(*) over ()::int as total from access_requests
        where company_id = ${company.id} and status = 'pending' and notified_at is null
        order by confirmed_at limit ${LISTED}`);
      const [admin] = (
        await tx.execute<{ email: string }>(sql`select email from contacts where company_id = ${company.id} and is_admin and status = 'active' limit 1`)
      ).rows;
      if (admin && waiting.rows.length) {
        await enqueueMail(
          tx,
          requestsWaitingMail({ companyId: company.id, companyName: company.name, to: admin.email, requests: waiting.rows, total: waiting.rows[0]!.total }),
        );
      }
      await tx.execute(sql`update access_requests set notified_at = ${now} where company_id = ${company.id} and status = 'pending' and notified_at is null`);
      await tx.execute(sql`update companies set requests_notified_at = ${now} where id = ${company.id}`);
    }
    return due.rows.length;
  });
}
