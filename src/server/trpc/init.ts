import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Permission } from "~/server/authz/permissions";
import { humanIssues } from "~/lib/validation";
import { isDatabaseUnavailable, isForeignKeyViolation } from "~/server/db/errors";
import { dbPoolMax } from "~/server/env";
import { logger } from "~/server/logger";
import type { Context } from "./context";
import { FairShare } from "./fair-share";

/** What a procedure declares about itself; `permission` is set by permittedProcedure (tests read it). */
export type ProcedureMeta = { permission?: Permission };

export const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer: superjson,
  // Live feeds (SSE) send a comment every 20 s, so proxies and load balancers in front of the app (HAProxy's
  // idle timeouts) never mistake a quiet feed for a dead one.
  sse: { ping: { enabled: true, intervalMs: 20_000 } },
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    // Unknown errors never reach the client as anything but a generic message, and no stack ever does.
    const message =
      zodError
        ? humanIssues(zodError)
        : error.code === "INTERNAL_SERVER_ERROR"
          ? "Something went wrong on our side. Please try again."
          : shape.message;
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message,
      data: { ...data, fieldErrors: zodError ? zodError.flatten().fieldErrors : undefined },
    };
  },
});

function lastLine(message: unknown): string {
  return String(message ?? "").trim().split("\n").pop() ?? "";
}

/** Turns connection failures into a clear 503, a write racing a delete into CONFLICT, and logs anything unexpected: the one place an internal error is
 * logged, for every caller (HTTP, server components, scripts), so the route handler adds no onError. */
const errorBoundary = t.middleware(async ({ next, path, type }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause ?? result.error;
    if (isDatabaseUnavailable(cause) || isDatabaseUnavailable(result.error)) {
      logger.warn("db.unavailable", { path, message: lastLine((cause as Error).message) });
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "The database is unavailable right now. Please try again in a moment.",
        cause: result.error,
      });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR" && isForeignKeyViolation(cause)) {
      // Every lookup by id happens before the write; a row gone by the time of the write was deleted meanwhile.
      throw new TRPCError({
        code: "CONFLICT",
        message: "Something this refers to changed while you were working (for example, the plan was re-made). Reload and try again.",
        cause: result.error,
      });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      logger.error("trpc.unhandled", { path, type, message: cause instanceof Error ? cause.message : String(cause) });
    }
  }
  return result;
});

const globalForFairShare = globalThis as unknown as { benchflowFairShare?: FairShare };

/** Half the pool per caller: no one caller can hold every connection (see fair-share.ts). */
function fairShare(): FairShare {
  globalForFairShare.benchflowFairShare ??= new FairShare({
    perCaller: Math.max(1, Math.floor(dbPoolMax() / 2)),
    maxWaitMs: 10_000,
  });
  return globalForFairShare.benchflowFairShare;
}

/** Queries and mutations take a turn in their caller's line; live feeds hold no connection and skip it. */
const fairShareTurn = t.middleware(({ ctx, type, next }) => {
  if (type === "subscription") return next();
  const caller = ctx.session?.userId ? `user:${ctx.session.userId}` : `address:${ctx.clientIp ?? "unknown"}`;
  return fairShare().run(caller, () => next());
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(errorBoundary).use(fairShareTurn);
