// The OpenID Connect provider of the browser tests, on loopback, with the e2e people.
import { startTestProvider } from '../../support/oidc-provider';
import { E2E } from './env';

const p = E2E.provider;
const provider = await startTestProvider({
  port: E2E.providerPort,
  // Not 127.0.0.1: the browser keeps cookies per host, and the provider's are its own.
  host: 'localhost',
  clients: [{ clientId: p.clientId, clientSecret: p.clientSecret, redirectUri: `${E2E.baseUrl}/login/company/callback` }],
  accounts: [
    { email: p.member.email, name: p.member.name },
    { email: p.memberNoJs.email, name: p.memberNoJs.name },
    { email: p.newcomer.email, name: p.newcomer.name },
    { email: p.unverified.email, name: p.unverified.name, emailVerified: false },
    { email: p.twoCompanies.email, name: p.twoCompanies.name },
  ],
});
console.log(`test provider at ${provider.issuer}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void provider.close().then(() => process.exit(0)));
