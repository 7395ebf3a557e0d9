/** Sessions last 14 days from their last renewal; a session in use is renewed at most once a day. */
export const SESSION_EXPIRES_IN_S = 60 * 60 * 24 * 14;
export const SESSION_RENEW_AFTER_S = 60 * 60 * 24;
