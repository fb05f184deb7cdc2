import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { PEER_HEADER, peerAddress, peerKey } from './client-address';

/**
 * Stamps every request this process serves with the client's address (PEER_HEADER), taken
 * from the socket, before Next sees it: the one place where the socket is still at hand under
 * `next start`. Whatever a client sent under that name is overwritten.
 */
export function installPeerHeader(): void {
  const proto = http.Server.prototype as http.Server & { __portariaPeer?: boolean };
  if (proto.__portariaPeer) return;
  proto.__portariaPeer = true;
  const hops = Math.max(0, Number.parseInt(process.env.TRUST_PROXY ?? '0', 10) || 0);
  const key = peerKey(() => randomBytes(16).toString('hex'))!;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = `${key} ${peerAddress(req.socket?.remoteAddress, req.headers['x-forwarded-for'], hops)}`;
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}
