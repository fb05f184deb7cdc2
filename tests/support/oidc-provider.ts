// A real OpenID Connect provider on loopback for the tests (the certified `oidc-provider`
// package, its own RSA key): one login page of its own with "Entrar" and "Cancelar", consent
// granted without asking, and accounts the tests set (e-mail, e-mail verified or not, name).
// Started by integration tests in-process and by the e2e run as a server of its own.
import type { IncomingMessage, Server } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export type TestAccount = { email: string; name: string; emailVerified?: boolean };
export type TestClient = { clientId: string; clientSecret: string; redirectUri: string };

export type TestProvider = {
  issuer: string;
  accounts: Map<string, TestAccount>;
  /** Makes the next ID tokens expire this many seconds after issue (default 3600). */
  setIdTokenTtl: (seconds: number) => void;
  close: () => Promise<void>;
};

function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      data += chunk;
      if (data.length > 10_000) req.destroy();
    });
    req.on('end', () => resolve(new URLSearchParams(data)));
    req.on('error', reject);
  });
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>Provedor de teste</title></head>
<body><main><h1>Provedor de identidade de teste</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label for="login">E-mail da conta</label><input id="login" name="login" type="email" required>
<button type="submit">Entrar no provedor</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancelar</button></form>
</main></body></html>`;
}

export async function startTestProvider(opts: { port: number; host?: string; clients: TestClient[]; accounts?: TestAccount[] }): Promise<TestProvider> {
  const host = opts.host ?? '127.0.0.1';
  const issuer = `http://${host}:${opts.port}`;
  const accounts = new Map((opts.accounts ?? []).map((a) => [a.email.toLowerCase(), a]));
  let idTokenTtl = 3600;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [c.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-provider-cookie-key-1'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims go in the ID token itself (the portal reads no userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    ttl: { IdToken: () => idTokenTtl },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: KoaContextWithOIDC, id: string) {
      const account = accounts.get(id.toLowerCase());
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: account.email, email_verified: account.emailVerified ?? true, name: account.name }),
      };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });

  // Its own interaction pages: a login form and "Cancelar" (the person gives up).
  provider.use(async (ctx, next) => {
    if (ctx.path === '/favicon.ico') {
      ctx.status = 204;
      return;
    }
    const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(ctx.path);
    if (!match) return next();
    const [, uid, step] = match;
    if (ctx.method === 'GET' && !step) {
      await provider.interactionDetails(ctx.req, ctx.res);
      ctx.type = 'html';
      ctx.body = loginPage(uid!);
      return;
    }
    if (ctx.method === 'POST' && step === '/login') {
      const body = await readBody(ctx.req);
      const login = (body.get('login') ?? '').trim().toLowerCase();
      if (!accounts.has(login)) {
        ctx.type = 'html';
        ctx.body = loginPage(uid!, 'Conta desconhecida neste provedor.');
        return;
      }
      await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      ctx.respond = false;
      return;
    }
    if (ctx.method === 'POST' && step === '/abort') {
      await provider.interactionFinished(
        ctx.req,
        ctx.res,
        { error: 'access_denied', error_description: 'O usuário cancelou.' },
        { mergeWithLastSubmission: false },
      );
      ctx.respond = false;
      return;
    }
    return next();
  });

  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(opts.port, host, () => resolve(s));
  });
  return {
    issuer,
    accounts,
    setIdTokenTtl: (seconds) => {
      idTokenTtl = seconds;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
