// The session as procedures see it, with no next-auth import: the tRPC layer (and scripts that call it)
// stay independent of the auth library.

/** A signed-in session's absolute lifetime, whatever the activity. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** What procedures see of the session; tests build the same shape. */
export type AppSession = { userId: string; email: string; sessionVersion: number; loginAt: number };
