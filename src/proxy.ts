import { NextResponse, type NextRequest } from 'next/server';

// better-auth names the cookie `<prefix>.session_token`, with `__Secure-` in front when it is set over HTTPS.
const sessionCookies = (prefix: string) => [`${prefix}.session_token`, `__Secure-${prefix}.session_token`];

// Each area admits only its own kind of session: a store cookie never opens the dashboard, nor the other way round.
const AREAS = [
  { prefix: '/dashboard', cookies: sessionCookies('staff'), signIn: '/sign-in', landing: ['/dashboard', '/dashboard/customers'] },
  { prefix: '/store/account', cookies: sessionCookies('store'), signIn: '/store/sign-in', landing: ['/store/account'] },
];

/**
 * Optimistic check only: a request for a signed-in area without its session cookie is sent to that area's sign-in
 * straight away. A cookie that is present may still be expired or forged, so every page and server action checks
 * the session on the server (requireStaff, requireCustomer); this just saves a render for the obvious case.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const area = AREAS.find((a) => pathname === a.prefix || pathname.startsWith(`${a.prefix}/`));
  if (!area || area.cookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL(area.signIn, request.url);
  const next = pathname + search;
  // Coming back to where they were is the point; the default landing page needs no parameter.
  if (!area.landing.includes(next)) signIn.searchParams.set('next', next);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ['/dashboard', '/dashboard/:path*', '/store/account', '/store/account/:path*'],
};
