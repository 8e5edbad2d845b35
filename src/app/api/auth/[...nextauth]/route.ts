import NextAuth from "next-auth";
import { authOptions } from "~/server/auth";
import { readBodyWithin, withBody } from "~/server/http/body-limit";
import { clientIp } from "~/server/http/client-ip";
import { HTTP_LIMITS } from "~/server/http/limits";
import { signInRetryAfter } from "~/server/rate-limit/sign-in";

const nextAuth = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's posts are a few form fields: the body is capped before next-auth parses it. A throttled account or
 * address answers 429 with Retry-After before next-auth runs.
 */
async function POST(incoming: Request, context: RouteContext) {
  const read = await readBodyWithin(incoming, HTTP_LIMITS.authBodyBytes);
  if ("response" in read) return read.response;
  const req = withBody(incoming, read.body);
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = new URLSearchParams(new TextDecoder().decode(read.body));
    const email = form.get("email") ?? "";
    const retryAfter = email ? await signInRetryAfter({ email, ip: clientIp(req.headers) }) : 0;
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
