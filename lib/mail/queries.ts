import 'server-only';
import { db } from '@/db/client';
import { listCompanyOutbox } from './outbox';
import type { OutboxFilter } from './schema';

export const OUTBOX_PAGE_SIZE = 25;

/** The company's own messages only; password resets have no company and never show. */
export function companyOutboxPage(companyId: string, page: number, filter: OutboxFilter = {}) {
  return listCompanyOutbox(db, companyId, { limit: OUTBOX_PAGE_SIZE, offset: (page - 1) * OUTBOX_PAGE_SIZE, ...filter });
}
