import { NextResponse, type NextRequest } from 'next/server';

// better-auth names the cookie `<prefix>.session_token`, with `__Secure-` in front when it is set over HTTPS.
const SESSION_COOKIES = ['staff.session_token', '__Secure-staff.session_token'];

/**
 * Optimistic check only: a dashboard request without a session cookie is sent to sign-in straight away.
 * A cookie that is present may still be expired or forged, so every page and server action calls
 * requireStaff() on the server; this just saves a render for the obvious case.
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  const next = request.nextUrl.pathname + request.nextUrl.search;
  // Coming back to where they were is the point; the default landing page needs no parameter.
  if (next !== '/dashboard' && next !== '/dashboard/customers') signIn.searchParams.set('next', next);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ['/dashboard', '/dashboard/:path*'],
};
