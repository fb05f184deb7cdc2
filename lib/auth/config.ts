import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { db } from '@/db/client';
import { authenticate } from './accounts';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sv?: number;
  }
}

class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
class LockedOut extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `locked:${minutes}`;
  }
}

// The token names the account and the password generation, nothing else: role, company and
// permissions are read from the database on every request (lib/auth/context.ts).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A refused password is an ordinary event, not a server error: no stack trace in the log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        const email = typeof credentials?.email === 'string' ? credentials.email : '';
        const password = typeof credentials?.password === 'string' ? credentials.password : '';
        if (!email || !password) throw new InvalidCredentials();
        const result = await authenticate(db, email, password);
        if (!result.ok) throw result.reason === 'locked' ? new LockedOut(result.minutes) : new InvalidCredentials();
        return { id: result.accountId, email: result.email, sessionVersion: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sv = typeof token.sv === 'number' ? token.sv : 0;
      return session;
    },
  },
});
