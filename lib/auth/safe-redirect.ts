/** Only same-site paths: a sign-in link must never send people to another site. */
export function safeCallbackPath(value: unknown, fallback = '/'): string {
  // Browsers drop tabs and newlines from URLs: "/\t/evil" would become "//evil".
  if (typeof value !== 'string' || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/api/')) return fallback;
  return value.slice(0, 500);
}
