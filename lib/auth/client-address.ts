// The address a request came from, as the server's own socket saw it. Next passes a
// client-sent X-Forwarded-For through untouched, so that header cannot name the source of a
// sign-in (an attacker would pick a new "source" for every guess). instrumentation.ts writes
// PEER_HEADER on every incoming request, overwriting anything the client sent.

export const PEER_HEADER = 'x-portaria-peer';

/**
 * The client's address for an incoming request. TRUST_PROXY=N (default 0) says that N proxies
 * of ours stand in front and each appends to X-Forwarded-For: the client is then the entry N
 * places before the socket's peer. Without proxies, the socket's peer is the client.
 */
export function peerAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = normalise(socketAddress ?? '') || 'unknown';
  if (!trustedHops) return socket;
  const raw = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [...raw.split(',').map((s) => normalise(s.trim())).filter(Boolean), socket];
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}

function normalise(address: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (v4mapped ? v4mapped[1]! : address).slice(0, 64);
}

/** The client address of the current request (server actions, route handlers, Auth.js). */
export function clientAddress(headers: Headers): string {
  return headers.get(PEER_HEADER) || 'unknown';
}

/** Browser and system for "Sessões ativas", from the User-Agent (a label, not a security fact). */
export function describeUserAgent(ua: string | null | undefined): { browser: string; system: string } {
  const s = ua ?? '';
  const browser =
    /Edg\//.test(s) ? 'Edge'
    : /OPR\/|Opera/.test(s) ? 'Opera'
    : /Firefox\//.test(s) ? 'Firefox'
    : /Chrom(e|ium)\//.test(s) ? 'Chrome'
    : /Safari\//.test(s) && /Version\//.test(s) ? 'Safari'
    : '';
  const system =
    /Windows/.test(s) ? 'Windows'
    : /Android/.test(s) ? 'Android'
    : /iPhone|iPad|iPod/.test(s) ? 'iOS'
    : /Mac OS X|Macintosh/.test(s) ? 'macOS'
    : /CrOS/.test(s) ? 'ChromeOS'
    : /Linux/.test(s) ? 'Linux'
    : '';
  return { browser, system };
}
