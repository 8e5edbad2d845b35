import "server-only";
import type { AppSession } from "~/server/session";

export type CreateContextOptions = {
  session: AppSession | null;
  headers: Headers;
  /** The client's address for per-address limits (src/server/http/client-ip.ts); null when unknown. */
  clientIp?: string | null;
};

/** Plain data only: the database is reached through procedures, not through the context. */
export function createContext(options: CreateContextOptions) {
  return { session: options.session, headers: options.headers, clientIp: options.clientIp ?? null };
}

export type Context = ReturnType<typeof createContext>;
