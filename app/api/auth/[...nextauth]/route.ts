import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/config';

// The portal signs in and out through its own server actions and reads the session on the
// server. Auth.js's session endpoint would answer (and renew the cookie of) a session already
// ended on the server, so it answers nothing here.
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith('/session')) {
    return Response.json(null, { headers: { 'cache-control': 'no-store' } });
  }
  return handlers.GET(request);
}

export const { POST } = handlers;
