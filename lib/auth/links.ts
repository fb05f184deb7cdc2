import 'server-only';
import { db } from '@/db/client';
import { findValidToken } from './tokens';

export const findInvitation = (token: string) => findValidToken(db, token, 'invite');
export const findResetLink = (token: string) => findValidToken(db, token, 'reset');
