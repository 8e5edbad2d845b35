import { TRPCError } from "@trpc/server";
import { assertWithinLimit } from "~/server/billing/plan-limits";
import { systemDb } from "~/server/db";
import { logger } from "~/server/logger";
import { consumeRateLimit } from "~/server/rate-limit";
import type { CatalogCtx } from "./access";
import { notFound } from "./errors";

/**
 * Cross-tenant lookup on the owner connection: the studio behind an address (slug), or the single studio
 * whose owner has this email. Returns only an id; nothing about the studio reaches the caller.
 */
async function findTargetStudioId(target: string): Promise<string | null> {
  if (target.includes("@")) {
    const owned = await systemDb().membership.findMany({
      where: { role: "OWNER", user: { email: target } },
      select: { studioId: true },
      take: 2,
    });
    return owned.length === 1 ? owned[0]!.studioId : null;
  }
  const studio = await systemDb().studio.findUnique({ where: { slug: target }, select: { id: true } });
  return studio?.id ?? null;
}

export async function shareCatalog(ctx: CatalogCtx, input: { catalogId: string; target: string }) {
  const catalog = await ctx.db.catalog.findFirst({ where: { id: input.catalogId, studioId: ctx.studio.id }, select: { id: true } });
  if (!catalog) throw notFound("Catalog");
  const byEmail = input.target.includes("@");
  if (byEmail) await consumeRateLimit([["catalogSharesPerUser", ctx.user.id]], "Too many shares by email");
  const targetStudioId = await findTargetStudioId(input.target);
  if (!targetStudioId && byEmail) {
    // The same answer as a share that worked: whether an address has an account is not ours to tell.
    logger.info("catalog.share_unmatched_email", { studioId: ctx.studio.id, catalogId: catalog.id });
    return { shared: true as const };
  }
  if (!targetStudioId) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "No studio matches that address, or that email does not own exactly one studio. Ask for the studio's address.",
    });
  }
  if (targetStudioId === ctx.studio.id) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This catalog already belongs to your studio." });
  }
  // A new share, or re-enabling a revoked one, counts against the plan; renaming a live one does not.
  const existing = await ctx.db.catalogShare.findFirst({
    where: { studioId: ctx.studio.id, catalogId: catalog.id, targetStudioId },
    select: { revokedAt: true },
  });
  if (!existing || existing.revokedAt) await assertWithinLimit(ctx, "sharedCatalogs");
  // Sharing again after a revoke reactivates the same row.
  await ctx.db.catalogShare.upsert({
    where: { catalogId_targetStudioId: { catalogId: catalog.id, targetStudioId } },
    create: { studioId: ctx.studio.id, catalogId: catalog.id, targetStudioId, targetLabel: input.target, createdById: ctx.user.id },
    update: { revokedAt: null, targetLabel: input.target, createdById: ctx.user.id },
  });
  logger.info("catalog.shared", { studioId: ctx.studio.id, catalogId: catalog.id, targetStudioId });
  return { shared: true as const };
}

/** The owner's view of who a catalog is shared with: what they typed, never the target studio's details. */
export async function listShares(ctx: CatalogCtx, catalogId: string) {
  const catalog = await ctx.db.catalog.findFirst({ where: { id: catalogId, studioId: ctx.studio.id }, select: { id: true } });
  if (!catalog) throw notFound("Catalog");
  const shares = await ctx.db.catalogShare.findMany({
    where: { catalogId, studioId: ctx.studio.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, targetLabel: true, createdAt: true, revokedAt: true },
  });
  return shares;
}

/** Stops new use of the catalog's designs by the target; versions it already used stay readable to it. */
export async function revokeShare(ctx: CatalogCtx, shareId: string) {
  const { count } = await ctx.db.catalogShare.updateMany({
    where: { id: shareId, studioId: ctx.studio.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Share");
  logger.info("catalog.share_revoked", { studioId: ctx.studio.id, shareId });
  return { revoked: true as const };
}
