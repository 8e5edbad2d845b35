import type { AppSession } from "~/server/session";

export type CreateContextOptions = { session: AppSession | null; headers: Headers };

/** Plain data only: the database is reached through procedures, not through the context. */
export function createContext(options: CreateContextOptions) {
  return { session: options.session, headers: options.headers };
}

export type Context = ReturnType<typeof createContext>;
