import { createCaller } from "~/server/trpc/root";
import { createContext } from "~/server/trpc/context";

type SessionUser = { id: string; email: string; sessionVersion?: number };

/** A router caller with the same session shape the Next.js route builds from the next-auth cookie. */
export function callerFor(user: SessionUser | null, options: { loginAt?: number; signal?: AbortSignal; sessionId?: string } = {}) {
  const session = user
    ? { userId: user.id, email: user.email, sessionVersion: user.sessionVersion ?? 0, loginAt: options.loginAt ?? Date.now(), sessionId: options.sessionId ?? null }
    : null;
  return createCaller(createContext({ session, headers: new Headers() }), { signal: options.signal });
}

/** Runs a call expected to fail and returns the tRPC error code. */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? "UNKNOWN";
  }
  throw new Error("Expected the call to fail, but it succeeded");
}
