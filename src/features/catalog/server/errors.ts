import { TRPCError } from "@trpc/server";
import { Prisma } from "~/generated/prisma/client";

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });
}

export function staleEdit(what: string): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: `Someone else changed this ${what} since you opened it. Reload to see their changes.`,
  });
}

/** Runs a write and turns a unique-constraint violation into a clear CONFLICT. */
export async function uniqueOr<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new TRPCError({ code: "CONFLICT", message });
    }
    throw error;
  }
}
