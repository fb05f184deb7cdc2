import { describe, expect, it } from 'vitest';
import { clientAddress, describeUserAgent, PEER_HEADER, peerAddress, peerKey, throttleSource } from '@/lib/auth/client-address';

describe('peerAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(peerAddress('203.0.113.9', '1.2.3.4', 0)).toBe('203.0.113.9');
    expect(peerAddress('::ffff:127.0.0.2', undefined, 0)).toBe('127.0.0.2');
    expect(peerAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('takes the client from X-Forwarded-For as far as the trusted proxies go, and no further', () => {
    // client → proxy (appends the client) → server: one trusted hop.
    expect(peerAddress('10.0.0.2', '198.51.100.4', 1)).toBe('198.51.100.4');
    // A client that forges the header cannot choose its address: the proxy's entry is used.
    expect(peerAddress('10.0.0.2', '6.6.6.6, 198.51.100.4', 1)).toBe('198.51.100.4');
    expect(peerAddress('10.0.0.2', '6.6.6.6, 198.51.100.4, 10.0.0.1', 2)).toBe('198.51.100.4');
    // Fewer entries than hops: the farthest one known.
    expect(peerAddress('10.0.0.2', '', 3)).toBe('10.0.0.2');
  });
});

describe('describeUserAgent', () => {
  it('names common browsers and systems', () => {
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0')).toEqual({
      browser: 'Edge',
      system: 'Windows',
    });
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1')).toEqual({
      browser: 'Safari',
      system: 'iOS',
    });
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toEqual({ browser: 'Firefox', system: 'Linux' });
    expect(describeUserAgent(null)).toEqual({ browser: '', system: '' });
  });
});

describe('clientAddress', () => {
  it('trusts only the stamp this process wrote: a client-sent header names no source', () => {
    const key = peerKey(() => 'chave-deste-processo')!;
    expect(clientAddress(new Headers({ [PEER_HEADER]: `${key} 198.51.100.9` }))).toBe('198.51.100.9');
    expect(clientAddress(new Headers({ [PEER_HEADER]: '203.0.113.77' }))).toBeNull();
    expect(clientAddress(new Headers({ [PEER_HEADER]: 'outra-chave 203.0.113.77' }))).toBeNull();
    expect(clientAddress(new Headers())).toBeNull();
  });
});

describe('throttleSource', () => {
  it('counts IPv4 per address and IPv6 per /64', () => {
    expect(throttleSource('203.0.113.5')).toBe('203.0.113.5');
    expect(throttleSource('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleSource('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(throttleSource('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleSource('::1')).toBe('0:0:0:0::/64');
  });
});
