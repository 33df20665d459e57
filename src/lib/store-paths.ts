// Storefront account paths shared by the pages (server) and the forms (client).

/** Where the emailed verification link lands: the page explains a failed link or sends a signed-in customer on. */
export const VERIFY_EMAIL_PATH = '/store/verify-email';
/** Where the emailed reset link lands, with `?token=` or `?error=INVALID_TOKEN`. */
export const RESET_PASSWORD_PATH = '/store/reset-password';
export const FORGOT_PASSWORD_PATH = '/store/forgot-password';
export const SIGN_UP_PATH = '/store/sign-up';
/** Sign-in's `?notice=` after a password was changed. */
export const PASSWORD_RESET_NOTICE = 'password_reset';
