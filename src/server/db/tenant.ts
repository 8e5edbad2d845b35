import "server-only";
import type { Prisma } from "~/generated/prisma/client";
import { tenantClient } from "./client";

/** A database handle bound to one studio's transaction; row-level security filters every query. */
export type TenantDb = Prisma.TransactionClient;

export function assertStudioId(studioId: unknown): asserts studioId is string {
  // An undefined studioId inside a Prisma `where` silently drops the filter; refuse to build one.
  if (typeof studioId !== "string" || studioId.length === 0) {
    throw new Error("Tenant query without a studio id");
  }
}

/** `where` for a tenant row looked up by id: always carries the studio. */
export function byStudio<W extends object>(studioId: string, where: W = {} as W): W & { studioId: string } {
  assertStudioId(studioId);
  return { ...where, studioId };
}

/**
 * Runs fn in one transaction as the app role with app.current_tenant set for this transaction only
 * (set_config(..., true)), so the setting never leaks to the next request on a pooled connection.
 */
export async function withTenant<T>(
  studioId: string,
  fn: (db: TenantDb) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  assertStudioId(studioId);
  return tenantClient().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.current_tenant', ${studioId}, true)`;
      if (options.timeoutMs && options.timeoutMs > 5_000) {
        // Background jobs (not requests) may write more than the app role's 5 s statement budget allows.
        await tx.$executeRaw`SELECT set_config('statement_timeout', ${String(options.timeoutMs)}, true)`;
      }
      return fn(tx);
    },
    { maxWait: 2_000, timeout: options.timeoutMs ?? 10_000 },
  );
}
