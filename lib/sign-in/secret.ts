import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// The client secret of a company's provider, encrypted at rest with AES-256-GCM under a key
// derived from AUTH_SECRET (HKDF-SHA-256, its own label): a database copy alone does not
// reveal it. Rotating AUTH_SECRET makes stored secrets unreadable: each company's
// administrator types the secret again (README, "Company sign-in").

const VERSION = 'v1';

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set');
  return Buffer.from(hkdfSync('sha256', secret, 'portaria', 'company sign-in client secret', 32));
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The secret, or null when it cannot be read (AUTH_SECRET changed, or the value was altered). */
export function decryptSecret(stored: string): string | null {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
