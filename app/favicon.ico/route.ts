// Browsers ask for /favicon.ico whatever the page declares (the icon is app/icon.svg): they get
// the icon instead of a 404 in every log.
export function GET(): Response {
  return new Response(null, { status: 308, headers: { location: '/icon.svg', 'cache-control': 'public, max-age=86400' } });
}
