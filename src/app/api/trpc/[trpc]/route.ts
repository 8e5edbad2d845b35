import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getRequestSession } from "~/server/auth";
import { isSameOriginMutation } from "~/server/http/origin";
import { logger } from "~/server/logger";
import { createContext } from "~/server/trpc/context";
import { appRouter } from "~/server/trpc/root";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  if (req.method === "POST" && !isSameOriginMutation(req)) {
    logger.warn("http.cross_origin_mutation", { origin: req.headers.get("origin") });
    return Response.json({ error: { message: "Cross-origin request refused." } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createContext({ session: await getRequestSession(req.headers), headers: req.headers }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error("trpc.error", { path, message: error.cause?.message ?? error.message });
      }
    },
  });
}

export { handler as GET, handler as POST };
