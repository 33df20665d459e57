// /api/auth/* – better-auth's staff sign-in, sign-out and session endpoints
import { toNextJsHandler } from 'better-auth/next-js';

import { getStaffAuth } from '@/auth/staff-auth';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return toNextJsHandler(getStaffAuth()).GET(request);
}

export async function POST(request: Request) {
  return toNextJsHandler(getStaffAuth()).POST(request);
}
