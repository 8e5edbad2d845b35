import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { safeCallbackUrl } from "~/features/auth/callback-url";
import { authenticate } from "~/features/auth/server/authenticate";
import { systemDb } from "~/server/db";
import { logger } from "~/server/logger";
import { clientIp } from "~/server/http/client-ip";

import { liveSessionUser, revokeSession, SESSION_MAX_AGE_SECONDS, type AppSession } from "~/server/session";

export { SESSION_MAX_AGE_SECONDS, type AppSession };

/** The claims Benchflow puts in next-auth's JWT, read back the same way everywhere. */
function sessionFromClaims(token: Record<string, unknown> | null | undefined): AppSession | null {
  if (!token || typeof token.sub !== "string") return null;
  return {
    userId: token.sub,
    email: typeof token.email === "string" ? token.email : "",
    sessionVersion: typeof token.sv === "number" ? token.sv : 0,
    loginAt: typeof token.loginAt === "number" ? token.loginAt : 0,
    sessionId: typeof token.sid === "string" ? token.sid : null,
  };
}

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
    /** After sign-in or sign-out: a path on this site, or the same origin; anything else goes home. */
    async redirect({ url, baseUrl }) {
      const path = safeCallbackUrl(url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url);
      return path ? `${baseUrl}${path}` : baseUrl;
    },
    async jwt({ token, user }) {
      if (user) {
        // A fresh token at every sign-in: new login time, current session version, a new session id (kept when
        // next-auth re-issues the cookie, unlike the JWT's own jti) that a plain sign-out revokes.
        const signedIn = user as typeof user & { sessionVersion?: number };
        return {
          sub: signedIn.id,
          email: signedIn.email,
          name: signedIn.name,
          sv: signedIn.sessionVersion ?? 0,
          loginAt: Date.now(),
          sid: randomUUID(),
        };
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv, loginAt: token.loginAt };
    },
  },
  events: {
    /** A plain sign-out ends this session for good, not only its cookie in this browser. */
    async signOut({ token }) {
      const session = sessionFromClaims(token);
      if (!session) return;
      await revokeSession(session);
      logger.info("auth.sign_out", { userId: session.userId });
    },
  },
  logger: {
    error: (code, metadata) => logger.error(`next-auth ${code}`, { metadata: String(metadata) }),
    warn: (code) => logger.warn(`next-auth ${code}`),
    debug: () => {},
  },
};

/**
 * The current request's session (App Router pages), only while it is live: checked against the database
 * (sign out everywhere, password change, plain sign-out, absolute lifetime) on every render.
 */
export async function getAppSession(): Promise<AppSession | null> {
  const session = await getRequestSession(await headers());
  return session && (await liveSessionUser(session)) ? session : null;
}

/**
 * The session of an API request, straight from its JWT cookie: decrypts the token once, where
 * getServerSession also runs next-auth's session action and re-encrypts a token it then throws away (a
 * route handler cannot set the cookie). Same rules: an expired or tampered token is no session. Whether the
 * session is still live is checked by the procedures, in the same query as the membership.
 */
export async function getRequestSession(headers: Headers): Promise<AppSession | null> {
  const cookies: Record<string, string> = {};
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  const token = await getToken({ req: { headers: Object.fromEntries(headers), cookies } as never, secret: authOptions.secret ?? process.env.NEXTAUTH_SECRET });
  return sessionFromClaims(token);
}
