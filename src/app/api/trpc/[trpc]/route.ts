import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getRequestSession } from "~/server/auth";
import { readBodyWithin, withBody } from "~/server/http/body-limit";
import { clientIp } from "~/server/http/client-ip";
import { HTTP_LIMITS, UPLOAD_PROCEDURES } from "~/server/http/limits";
import { isSameOriginMutation } from "~/server/http/origin";
import { logger } from "~/server/logger";
import { RateLimitedError } from "~/server/rate-limit";
import { createContext } from "~/server/trpc/context";
import { appRouter } from "~/server/trpc/root";

export const dynamic = "force-dynamic";

const ENDPOINT = "/api/trpc";

function procedurePaths(req: Request): string[] {
  const path = decodeURIComponent(new URL(req.url).pathname.slice(ENDPOINT.length + 1));
  return path.split(",");
}

function refuse(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status, headers: { "cache-control": "no-store" } });
}

async function handler(incoming: Request) {
  let req = incoming;
  const paths = procedurePaths(req);
  // Refused before anything is read: the batch size is in the URL.
  if (paths.length > HTTP_LIMITS.trpcBatchSize) {
    return refuse(413, `At most ${HTTP_LIMITS.trpcBatchSize} calls per batch.`);
  }
  if (req.method === "POST") {
    if (!isSameOriginMutation(req)) {
      logger.warn("http.cross_origin_mutation", { origin: req.headers.get("origin") });
      return refuse(403, "Cross-origin request refused.");
    }
    const limit = paths.every((path) => UPLOAD_PROCEDURES.has(path)) ? HTTP_LIMITS.trpcUploadBodyBytes : HTTP_LIMITS.trpcBodyBytes;
    const read = await readBodyWithin(req, limit);
    if ("response" in read) {
      logger.warn("http.body_too_large", { paths: paths.slice(0, 3), limit });
      return read.response;
    }
    req = withBody(req, read.body);
  }
  return fetchRequestHandler({
    endpoint: ENDPOINT,
    req,
    router: appRouter,
    maxBatchSize: HTTP_LIMITS.trpcBatchSize,
    createContext: async () =>
      createContext({ session: await getRequestSession(req.headers), headers: req.headers, clientIp: clientIp(req.headers) }),
    responseMeta({ errors }) {
      const headers: Record<string, string> = { "cache-control": "no-store" };
      const retryAfter = Math.max(0, ...errors.map((error) => (error.cause instanceof RateLimitedError ? error.cause.retryAfterSeconds : 0)));
      if (retryAfter > 0) headers["retry-after"] = String(retryAfter);
      return { headers };
    },
  });
}

export { handler as GET, handler as POST };
