import * as client from 'openid-client';

// The company's provider, read from its discovery document through openid-client (which
// checks the issuer, and every token's signature and claims later on). Plain HTTP only for a
// provider on this machine (loopback): anywhere else it must be HTTPS.

export type ProviderProblem =
  'issuerInvalid' | 'notHttps' | 'internalAddress' | 'unreachable' | 'notDiscovery' | 'issuerMismatch' | 'missingEndpoints' | 'secretUnreadable';

const TIMEOUT_S = 8;

export function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/**
 * A provider on this machine (plain HTTP allowed) only where the operator says so: the tests,
 * a development machine. Otherwise an administrator could use "Testar configuração" to probe
 * the server's own ports.
 */
export const loopbackProvidersAllowed = () => process.env.PORTARIA_LOOPBACK_PROVIDERS === '1';

/** An address of this machine or of a private network, written as such (not a public provider). */
function isInternalAddress(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '0.0.0.0' || host === '::' || host === '::1') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  return /^(fc|fd|fe80)/.test(host) || host.startsWith('::ffff:');
}

/** The issuer as typed, checked for what a URL of a provider must be. */
export function parseIssuer(input: string): { ok: true; url: URL } | { ok: false; problem: ProviderProblem } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'issuerInvalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'issuerInvalid' };
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: 'issuerInvalid' };
  if (isLoopback(url) && loopbackProvidersAllowed()) return { ok: true, url };
  if (url.protocol === 'http:') return { ok: false, problem: 'notHttps' };
  if (isInternalAddress(url)) return { ok: false, problem: 'internalAddress' };
  return { ok: true, url };
}

/** Why a discovery failed, in the terms the settings page explains. */
function problemOf(err: unknown): ProviderProblem {
  const code = (err as { code?: string })?.code ?? '';
  const message = String((err as Error)?.message ?? '');
  if (/issuer/i.test(message) && /mismatch|does not match|unexpected/i.test(message)) return 'issuerMismatch';
  if (code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' || /"issuer"/.test(message)) return 'issuerMismatch';
  if (code === 'OAUTH_RESPONSE_IS_NOT_JSON' || code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_INVALID_RESPONSE') return 'notDiscovery';
  return 'unreachable';
}

export type Discovered = { ok: true; config: client.Configuration } | { ok: false; problem: ProviderProblem };

/** Reads the provider's discovery document; the configuration signs the company's people in. */
export async function discoverProvider(issuer: string, clientId: string, clientSecret: string): Promise<Discovered> {
  const parsed = parseIssuer(issuer);
  if (!parsed.ok) return parsed;
  let config: client.Configuration;
  try {
    config = await client.discovery(parsed.url, clientId, { client_secret: clientSecret }, client.ClientSecretPost(clientSecret), {
      timeout: TIMEOUT_S,
      execute: isLoopback(parsed.url) ? [client.allowInsecureRequests] : [],
    });
  } catch (err) {
    return { ok: false, problem: problemOf(err) };
  }
  const meta = config.serverMetadata();
  if (!meta.authorization_endpoint || !meta.token_endpoint || !meta.jwks_uri) return { ok: false, problem: 'missingEndpoints' };
  // Every endpoint as the issuer: HTTPS (plain HTTP only for a permitted provider on loopback).
  for (const endpoint of [meta.authorization_endpoint, meta.token_endpoint, meta.jwks_uri]) {
    const checked = URL.canParse(endpoint) ? parseIssuer(new URL(endpoint).origin) : { ok: false as const, problem: 'missingEndpoints' as const };
    if (!checked.ok) return { ok: false, problem: checked.problem === 'issuerInvalid' ? 'missingEndpoints' : checked.problem };
  }
  return { ok: true, config };
}
