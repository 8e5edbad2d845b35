// Every rate limit of the app, in one place: how many points a key may use per window. Over the limit the
// action answers 429 with Retry-After until the window ends; never a permanent lockout.

export type Limit = { points: number; windowSeconds: number };

const MINUTE = 60;

export const LIMITS = {
  /** Failed sign-ins (and wrong current passwords) per account (OWASP ASVS 2.2.1). */
  signInPerAccount: { points: 5, windowSeconds: 15 * MINUTE },
  /** Failed sign-ins per client address: one address spraying many accounts. */
  signInPerAddress: { points: 30, windowSeconds: 15 * MINUTE },
  signUpPerAddress: { points: 20, windowSeconds: 15 * MINUTE },
  resetPerEmail: { points: 3, windowSeconds: 60 * MINUTE },
  resetPerAddress: { points: 20, windowSeconds: 60 * MINUTE },
  invitesPerUser: { points: 30, windowSeconds: 60 * MINUTE },
  verificationMailsPerUser: { points: 3, windowSeconds: 60 * MINUTE },
  /** Catalog shares by email: the answer never says whether the address owns a studio, and guesses are slow. */
  catalogSharesPerUser: { points: 30, windowSeconds: 60 * MINUTE },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;
