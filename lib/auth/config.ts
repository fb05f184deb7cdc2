import NextAuth, { AuthError, CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { db } from '@/db/client';
import { authenticate } from './accounts';
import { clientAddress, throttleSource } from './client-address';
import { redeemTicket } from '@/lib/sign-in/flow';
import { createSession, endSessionByToken, SESSION_MAX_AGE_MS } from './sessions';
import { log } from '@/lib/log';

declare module 'next-auth' {
  interface User {
    sessionToken?: string;
  }
  interface Session {
    // The server-side session's token (lib/auth/sessions.ts). Useless without the encrypted
    // cookie that carries it; read on the server only, to find the session row.
    sid?: string;
  }
}

class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
/** The request's source is unknown (it reached the server while the server was starting): not counted, not checked. */
class SourceUnknown extends CredentialsSignin {
  code = 'unavailable';
}
class LockedOut extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `locked:${minutes}`;
  }
}

// Auth.js carries the session in an encrypted cookie, and the cookie carries only the token
// of a session kept in the database: "Sair", a password change or "Encerrar sessões" delete
// that row, and the cookie stops working at once, whatever its own expiry says. Role, company
// and permissions are read from the database on every request (lib/auth/context.ts).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_MS / 1000 },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A refused password is an ordinary event, not a server error: no stack trace in the log.
    // Auth.js puts what the request carried (a callback address, a cookie's value) in its
    // messages: the log keeps the kind of error only.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      if (error instanceof AuthError) log().warn({ authError: error.type, cause: error.cause instanceof Error ? error.cause.name : undefined }, 'auth.error');
      else log().error({ err: error }, 'auth.error');
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === 'string' ? credentials.email : '';
        const password = typeof credentials?.password === 'string' ? credentials.password : '';
        if (!email || !password) throw new InvalidCredentials();
        const address = clientAddress(request.headers);
        if (!address) throw new SourceUnknown();
        const result = await authenticate(db, email, password, { source: throttleSource(address) });
        if (!result.ok) throw result.reason === 'locked' ? new LockedOut(result.minutes) : new InvalidCredentials();
        const sessionToken = await createSession(db, result.accountId, { ip: address, userAgent: request.headers.get('user-agent') });
        return { id: result.accountId, email: result.email, sessionToken };
      },
    }),
    // "Entrar com a conta da empresa": the callback (app/(auth)/login/company/callback) checked
    // the provider's answer and left a ticket, used once within a minute (lib/sign-in/flow.ts).
    Credentials({
      id: 'company-sign-in',
      credentials: { ticket: {} },
      async authorize(credentials, request) {
        const ticket = typeof credentials?.ticket === 'string' ? credentials.ticket : '';
        const redeemed = await redeemTicket(db, ticket);
        if (!redeemed) throw new InvalidCredentials();
        const sessionToken = await createSession(db, redeemed.accountId, {
          ip: clientAddress(request.headers),
          userAgent: request.headers.get('user-agent'),
          ssoCompanyId: redeemed.companyId,
        });
        return { id: redeemed.accountId, email: redeemed.email, sessionToken };
      },
    }),
  ],
  events: {
    // Sign-out through Auth.js's own endpoint ends the server-side session too.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await endSessionByToken(db, sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = user.sessionToken;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sid = typeof token.sid === 'string' ? token.sid : undefined;
      return session;
    },
  },
});
