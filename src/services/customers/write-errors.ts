import { ConflictError, ValidationFailedError } from '../errors';
import { isCheckViolation, isUniqueViolation, pgErrorOf } from '../db-errors';

/** Turns a constraint violation from a customer write into the domain error that names the field. */
export function mapCustomerWriteError(error: unknown): unknown {
  if (isUniqueViolation(error, 'customers_email_idx')) {
    return new ConflictError('Another customer already uses this email', [{ path: 'email', message: 'This email is already in use by another customer' }]);
  }
  if (isCheckViolation(error, 'customers_contact_present')) {
    return new ValidationFailedError('A customer needs an email or a phone number', [{ path: 'email', message: 'Give an email or a phone number' }]);
  }
  if (pgErrorOf(error)?.code === '23503') {
    return new ValidationFailedError('A referenced record does not exist', [{ path: 'customerGroupId', message: 'This customer group does not exist' }]);
  }
  return error;
}
