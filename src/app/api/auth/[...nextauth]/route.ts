import NextAuth from "next-auth";
import { signInRetryAfter } from "~/features/auth/server/throttle";
import { authOptions } from "~/server/auth";
import { systemDb } from "~/server/db";
import { clientIp } from "~/server/http/client-ip";

const nextAuth = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** Answers 429 with Retry-After before next-auth runs when the account or address is throttled. */
async function POST(req: Request, context: RouteContext) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = await req.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "");
    const retryAfter = email ? await signInRetryAfter(systemDb(), { email, ip: clientIp(req.headers) }) : 0;
    if (retryAfter > 0) {
      const origin = new URL(req.url).origin;
      return Response.json(
        { url: `${origin}/signin?error=TooManyAttempts`, retryAfter },
        { status: 429, headers: { "Retry-After": String(retryAfter) } },
      );
    }
  }
  return nextAuth(req, context);
}

export { nextAuth as GET, POST };
