import 'server-only';
import { db } from '@/db/client';
import { listAccountSessions } from './sessions';

/** "Sessões ativas" of the signed-in person. */
export const ownSessions = (accountId: string) => listAccountSessions(db, accountId);
