// The Content-Security-Policy of the pages (sent by proxy.ts with a new nonce per request)
// and the Permissions-Policy of every response (next.config.ts).

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Scripts run only when they carry this response's nonce, or when a script that did loads
 * them ('strict-dynamic': Next's own chunks, client navigation). Next reads the nonce from
 * this header on the request and writes it on every script it renders. Styles come only from
 * the site's stylesheets: no page uses inline styles or style attributes. `next dev` needs
 * two exceptions, there only: eval (React's development build) and inline styles (Next's
 * development overlay inserts <style> elements without the nonce).
 */
/**
 * "Entrar com a conta da empresa" posts the e-mail and is redirected to the company's
 * provider, whose address is not known in advance: a form's redirect is held to form-action
 * too, so that page alone may send a form to any HTTPS address (or one on this machine, where
 * a provider may use plain HTTP). The page holds no other field.
 */
export const COMPANY_SIGN_IN_FORM_ACTION = "form-action 'self' https: http://127.0.0.1:* http://localhost:*";

export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === 'development', formAction = "form-action 'self'"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    formAction,
    "object-src 'none'",
  ].join('; ');
}

/**
 * Browser features the portal never uses, turned off for it and anything it could embed.
 * Only features Chromium knows: an unknown one (interest-cohort, FLoC's, now gone) makes
 * the browser log an error on every page.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');
