import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { systemPool } from "~/server/db";
import { LIMITS, type LimitName } from "./limits";

// rate-limiter-flexible's PostgreSQL store on the "RateLimit" table (created by a migration): each consume is
// one atomic INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so parallel requests cannot all pass a check
// before any of them counts, and every app instance shares the counters. Queries go through the owner pool
// one statement at a time, with no named prepared statements and no session state, so they work through
// PgBouncer in transaction pooling mode.

export const RATE_LIMIT_TABLE = "RateLimit";

type QueryConfig = { text: string; values?: unknown[]; name?: string };

/** The pool of the moment (tests swap databases), without statement names (session state in PgBouncer). */
const storeClient = {
  query: (query: QueryConfig) => systemPool().query({ text: query.text, values: query.values }),
};

const globalForLimiters = globalThis as unknown as { benchflowLimiters?: Map<LimitName, RateLimiterPostgres> };

export function limiter(name: LimitName): RateLimiterPostgres {
  globalForLimiters.benchflowLimiters ??= new Map();
  let found = globalForLimiters.benchflowLimiters.get(name);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient,
      storeType: "pool",
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      // Expired rows are pruned by pruneExpiredRateLimits (the worker), not by a timer in every process.
      clearExpiredByTimeout: false,
      keyPrefix: name,
      points: LIMITS[name].points,
      duration: LIMITS[name].windowSeconds,
    });
    globalForLimiters.benchflowLimiters.set(name, found);
  }
  return found;
}

export function isRateLimited(value: unknown): value is RateLimiterRes {
  return value instanceof RateLimiterRes;
}

/** Deletes counters whose window has ended; returns how many. */
export async function pruneExpiredRateLimits(now = Date.now()): Promise<number> {
  const result = await systemPool().query({ text: `DELETE FROM "${RATE_LIMIT_TABLE}" WHERE "expire" < $1`, values: [now] });
  return result.rowCount ?? 0;
}
