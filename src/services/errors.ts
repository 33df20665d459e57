import type { ZodError } from 'zod';

import type { FieldError } from '@/lib/types';

export type DomainErrorCode = 'bad_request' | 'not_found' | 'conflict' | 'validation_failed' | 'forbidden' | 'unauthorized' | 'rate_limited' | 'too_large';

/** A failure the caller can act on; adapters map `code` to HTTP status or form state (src/http). */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  /** `members`: extra members of the problem document, e.g. `mergedInto` for a customer merged into another. */
  constructor(
    message: string,
    readonly members?: Record<string, string>,
  ) {
    super('not_found', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, fieldErrors?: FieldError[]) {
    super('conflict', message, fieldErrors);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(message: string, fieldErrors: FieldError[]) {
    super('validation_failed', message, fieldErrors);
  }

  static fromZod(error: ZodError, message = 'Some fields need attention'): ValidationFailedError {
    return new ValidationFailedError(
      message,
      error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message })),
    );
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Sign in, or send an API key as "Authorization: Bearer <key>"') {
    super('unauthorized', message);
  }
}

/** The request itself is malformed (unparseable JSON or query), as opposed to invalid field values. */
export class BadRequestError extends DomainError {
  constructor(message: string) {
    super('bad_request', message);
  }
}

/** The request is larger than the API takes. */
export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super('too_large', message);
  }
}
