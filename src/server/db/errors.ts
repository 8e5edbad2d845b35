import "server-only";
// Connection-level failures (server down, restarting, pool exhausted) as opposed to query errors.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08006",
  "P1001",
  "P1017",
  "P2024",
]);

const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /can't reach database server/i,
  /server closed the connection/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /consistent recovery state has not been yet reached/i,
  /query read timeout/i, // the client-side deadline of a query (pool query_timeout): server frozen or unreachable
  /Code: `(57P0[1-3]|08\d{3}|53300)`/, // Prisma's wrapping of a driver error: "Raw query failed. Code: `57P03`. ..."
  /terminating connection/i,
  /connection (is )?closed/i,
  /Unable to start a transaction in the given time/i,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const candidate = error as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
  for (const code of [candidate.code, candidate.originalCode]) {
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  }
  if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGES.some((re) => re.test(candidate.message as string))) {
    return true;
  }
  return isDatabaseUnavailable(candidate.cause, depth + 1);
}

/**
 * A unique-constraint violation: P2002 from a model query, or a raw query's (bulk insert's) driver error,
 * which Prisma reports as P2010 with the adapter's UniqueConstraintViolation as its cause.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };
  if (code === "P2002") return true;
  const cause = meta?.driverAdapterError?.cause;
  return code === "P2010" && (cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505");
}

/**
 * A foreign-key violation: the row a write refers to was deleted meanwhile (e.g. a batch a plan save replaced
 * while someone claimed it). P2003 from a model query, P2010 with the driver's 23503 from a raw query.
 */
export function isForeignKeyViolation(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, meta, cause } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } }; cause?: unknown };
  if (code === "P2003" || code === "23503") return true;
  const driver = meta?.driverAdapterError?.cause;
  if (code === "P2010" && (driver?.kind === "ForeignKeyConstraintViolation" || driver?.originalCode === "23503")) return true;
  return isForeignKeyViolation(cause, depth + 1);
}
