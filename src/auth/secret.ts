// The secret lives in services so that webhook secrets can be encrypted with a key derived from it.
export { authSecret } from '@/services/auth-secret';
