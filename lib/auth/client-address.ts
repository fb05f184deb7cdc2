// The address a request came from, as the server's own socket saw it. Next passes a
// client-sent X-Forwarded-For through untouched, so that header cannot name the source of a
// sign-in (an attacker would pick a new "source" for every guess). instrumentation.ts writes
// PEER_HEADER on every incoming request, overwriting anything the client sent, as
// "<key> <address>" with a key drawn by this process: a request that reached the server before
// the stamp was installed (while it starts) carries no valid key and has no known address.

export const PEER_HEADER = 'x-portaria-peer';

const peerKeyHolder = globalThis as unknown as { __portariaPeerKey?: string };

/** The key this process stamps with (drawn once, when the stamp is installed). */
export function peerKey(create?: () => string): string | undefined {
  if (create && !peerKeyHolder.__portariaPeerKey) peerKeyHolder.__portariaPeerKey = create();
  return peerKeyHolder.__portariaPeerKey;
}

/**
 * The client's address for an incoming request. TRUST_PROXY=N (default 0) says that N proxies
 * of ours stand in front and each appends to X-Forwarded-For: the client is then the entry N
 * places before the socket's peer. Without proxies, the socket's peer is the client.
 */
export function peerAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = normalise(socketAddress ?? '') || 'unknown';
  if (!trustedHops) return socket;
  const raw = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [
    ...raw
      .split(',')
      .map((s) => normalise(s.trim()))
      .filter(Boolean),
    socket,
  ];
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}

function normalise(address: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (v4mapped ? v4mapped[1]! : address).slice(0, 64);
}

/** The client address of the current request, or null when this server did not stamp it. */
export function clientAddress(headers: Headers): string | null {
  const key = peerKey();
  const stamp = headers.get(PEER_HEADER);
  if (!key || !stamp?.startsWith(`${key} `)) return null;
  return stamp.slice(key.length + 1) || null;
}

/**
 * The source a throttle counts: the address, or for IPv6 its /64 (one subscriber usually
 * holds a whole /64, and could otherwise pick a new address for every guess).
 */
export function throttleSource(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::', 2) as [string, string?];
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g || '0', 16) || 0).toString(16))
    .join(':')}::/64`;
}

/** Browser and system for "Sessões ativas", from the User-Agent (a label, not a security fact). */
export function describeUserAgent(ua: string | null | undefined): { browser: string; system: string } {
  const s = ua ?? '';
  const browser = /Edg\//.test(s)
    ? 'Edge'
    : /OPR\/|Opera/.test(s)
      ? 'Opera'
      : /Firefox\//.test(s)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(s)
          ? 'Chrome'
          : /Safari\//.test(s) && /Version\//.test(s)
            ? 'Safari'
            : '';
  const system = /Windows/.test(s)
    ? 'Windows'
    : /Android/.test(s)
      ? 'Android'
      : /iPhone|iPad|iPod/.test(s)
        ? 'iOS'
        : /Mac OS X|Macintosh/.test(s)
          ? 'macOS'
          : /CrOS/.test(s)
            ? 'ChromeOS'
            : /Linux/.test(s)
              ? 'Linux'
              : '';
  return { browser, system };
}
