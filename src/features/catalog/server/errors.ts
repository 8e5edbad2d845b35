import { TRPCError } from "@trpc/server";
import { isUniqueViolation } from "~/server/db";

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });
}

export function staleEdit(what: string): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: `Someone else changed this ${what} since you opened it. Reload to see their changes.`,
  });
}

/**
 * After a versioned updateMany matched no row: NOT_FOUND when the row is not this studio's (or gone),
 * CONFLICT when it exists but someone saved a newer version first.
 */
export async function missingOrStale(countInStudio: Promise<number>, what: string, label: string): Promise<never> {
  throw (await countInStudio) ? staleEdit(what) : notFound(label);
}

/** Runs a write (a model query or a bulk insert) and turns a unique-constraint violation into a clear CONFLICT. */
export async function uniqueOr<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new TRPCError({ code: "CONFLICT", message });
    }
    throw error;
  }
}
