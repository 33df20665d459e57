// /api/store/auth/* – better-auth's storefront sign-up, sign-in, email verification and password reset endpoints
import { toNextJsHandler } from 'better-auth/next-js';

import { getCustomerAuth } from '@/auth/customer-auth';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return toNextJsHandler(getCustomerAuth()).GET(request);
}

export async function POST(request: Request) {
  return toNextJsHandler(getCustomerAuth()).POST(request);
}
