import "server-only";
import { TRPCError } from "@trpc/server";
import { assertStudioId, isUniqueViolation } from "~/server/db";

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

type RowInStudio = { id: string; studioId: string };
/** A Prisma model delegate (ctx.db.station, ctx.db.material, ...) whose rows carry a version column. */
type VersionedModel<Data> = {
  updateMany(args: { where: RowInStudio & { version: number }; data: Data & { version: { increment: number } } }): PromiseLike<{ count: number }>;
  count(args: { where: RowInStudio }): PromiseLike<number>;
};

/**
 * The optimistic-concurrency write every versioned edit makes: updates this studio's row at the version the
 * caller read and bumps the version. When no row matched: NOT_FOUND if the row is not this studio's (or gone),
 * CONFLICT if it exists but someone saved a newer version first. `duplicate` turns a unique-constraint
 * violation into a CONFLICT with that message.
 */
export async function updateVersioned<Data extends object>(
  model: VersionedModel<Data>,
  row: RowInStudio & { expectedVersion: number },
  data: Data,
  names: { what: string; label: string; duplicate?: string },
): Promise<void> {
  assertStudioId(row.studioId);
  const where = { id: row.id, studioId: row.studioId };
  const write = model.updateMany({ where: { ...where, version: row.expectedVersion }, data: { ...data, version: { increment: 1 } } });
  const { count } = names.duplicate ? await uniqueOr(Promise.resolve(write), names.duplicate) : await write;
  if (count === 0) throw (await model.count({ where })) ? staleEdit(names.what) : notFound(names.label);
}
