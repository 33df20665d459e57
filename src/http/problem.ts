import { DomainError, NotFoundError, type DomainErrorCode } from '@/services/errors';
import type { FieldError } from '@/lib/types';

// The one table from domain error codes to HTTP statuses.
const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  bad_request: 400,
  not_found: 404,
  conflict: 409,
  validation_failed: 422,
  forbidden: 403,
  unauthorized: 401,
  rate_limited: 429,
  too_large: 413,
};

const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Content too large',
  422: 'Validation failed',
  429: 'Too many requests',
  500: 'Internal error',
};

/** An RFC 9457 problem+json response. */
export function problem(status: number, detail: string, errors?: FieldError[], members?: Record<string, string>): Response {
  const title = TITLE_BY_STATUS[status] ?? 'Error';
  const body = { ...members, type: `https://httpstatuses.io/${status}`, title, status, detail, ...(errors?.length ? { errors } : {}) };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
}

/** The HTTP status of a domain error's code. */
export function statusOfError(error: DomainError): number {
  return STATUS_BY_CODE[error.code];
}

/** Maps any thrown value to problem+json; unknown errors are logged once here and hidden from the client. */
export function problemFromError(error: unknown): Response {
  if (error instanceof DomainError) return problem(STATUS_BY_CODE[error.code], error.message, error.fieldErrors, error instanceof NotFoundError ? error.members : undefined);
  console.error('Unhandled error in API route', error);
  return problem(500, 'Something went wrong on our side. Try again; if it persists, check the server log.');
}
