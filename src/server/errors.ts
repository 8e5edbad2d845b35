import "server-only";
import { TRPCError } from "@trpc/server";
import { isUniqueViolation } from "~/server/db";

// The errors every feature throws the same way: a row that is not this studio's (or gone), a stale write
// (someone saved a newer version first) and a unique-constraint violation.

/** "<What> not found." — also the answer for another studio's id, so its existence is not revealed. */
export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });
}

/** A write against an older version than the stored one. `then` says what the user should do next. */
export function staleEdit(what: string, then = "Reload to see their changes."): TRPCError {
  return new TRPCError({ code: "CONFLICT", message: `Someone else changed this ${what} since you opened it. ${then}` });
}

/**
 * After a versioned updateMany matched no row: NOT_FOUND when the row is not this studio's (or gone),
 * CONFLICT when it exists but someone saved a newer version first.
 */
export async function missingOrStale(countInStudio: Promise<number>, what: string, label: string): Promise<never> {
  throw (await countInStudio) ? staleEdit(what) : notFound(label);
}

export { isUniqueViolation };

/** Runs a write (a model query or a bulk insert) and turns a unique-constraint violation into a clear CONFLICT. */
export async function uniqueOr<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw new TRPCError({ code: "CONFLICT", message });
    throw error;
  }
}
