import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { authenticate } from "~/features/auth/server/authenticate";
import { systemDb } from "~/server/db";
import { logger } from "~/server/logger";
import { clientIp } from "~/server/http/client-ip";

import { SESSION_MAX_AGE_SECONDS, type AppSession } from "~/server/session";

export { SESSION_MAX_AGE_SECONDS, type AppSession };

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const ip = clientIp(req?.headers ?? {});
        const result = await authenticate(systemDb(), { email: credentials?.email, password: credentials?.password }, ip);
        if (result.ok) {
          logger.info("auth.sign_in", { userId: result.user.id });
          return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
        }
        logger.warn("auth.sign_in_failed", { reason: result.reason, ip });
        if (result.reason === "throttled") throw new Error("TooManyAttempts");
        return null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // A fresh token at every sign-in: new login time, current session version.
        const signedIn = user as typeof user & { sessionVersion?: number };
        return {
          sub: signedIn.id,
          email: signedIn.email,
          name: signedIn.name,
          sv: signedIn.sessionVersion ?? 0,
          loginAt: Date.now(),
        };
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv, loginAt: token.loginAt };
    },
  },
  logger: {
    error: (code, metadata) => logger.error(`next-auth ${code}`, { metadata: String(metadata) }),
    warn: (code) => logger.warn(`next-auth ${code}`),
    debug: () => {},
  },
};

/** The current request's session (App Router), reduced to what the server trusts. */
export async function getAppSession(): Promise<AppSession | null> {
  const session = (await getServerSession(authOptions)) as
    | { userId?: unknown; sessionVersion?: unknown; loginAt?: unknown; user?: { email?: string | null } }
    | null;
  if (!session || typeof session.userId !== "string") return null;
  return {
    userId: session.userId,
    email: session.user?.email ?? "",
    sessionVersion: typeof session.sessionVersion === "number" ? session.sessionVersion : 0,
    loginAt: typeof session.loginAt === "number" ? session.loginAt : 0,
  };
}

/**
 * The session of an API request, straight from its JWT cookie: decrypts the token once, where
 * getServerSession also runs next-auth's session action and re-encrypts a token it then throws away (a
 * route handler cannot set the cookie). Same rules: an expired or tampered token is no session.
 */
export async function getRequestSession(headers: Headers): Promise<AppSession | null> {
  const cookies: Record<string, string> = {};
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  const token = await getToken({ req: { headers: Object.fromEntries(headers), cookies } as never, secret: authOptions.secret ?? process.env.NEXTAUTH_SECRET });
  if (!token || typeof token.sub !== "string") return null;
  return {
    userId: token.sub,
    email: typeof token.email === "string" ? token.email : "",
    sessionVersion: typeof token.sv === "number" ? token.sv : 0,
    loginAt: typeof token.loginAt === "number" ? token.loginAt : 0,
  };
}
