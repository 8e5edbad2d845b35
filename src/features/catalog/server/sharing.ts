import { TRPCError } from "@trpc/server";
import { assertWithinLimit } from "~/server/billing/plan-limits";
import { systemDb } from "~/server/db";
import { logger } from "~/server/logger";
import { consumeRateLimit } from "~/server/rate-limit";
import { appUrl, catalogShareMail, sendMail } from "~/server/mail";
import { notFound, uniqueOr } from "~/server/errors";
import type { StudioContext } from "~/server/trpc/procedures";
import type { CatalogIdInput, ShareIdInput } from "./schemas";

// Sharing a catalog read-only with another studio. A share takes effect once the receiving studio's owner
// accepts it. By studio address the receiving studio is known; by email the recipient (signed in with that
// address, confirmed) chooses which of their studios accepts it, so an owner of two studios can take it into
// either. The sharer's answer never says whether an account exists for an email: "invitation sent" either way.

const SHARE_STATE = { PENDING: "pending", ACTIVE: "active", DECLINED: "declined", REVOKED: "revoked" } as const;

function stateOf(share: { acceptedAt: Date | null; declinedAt: Date | null; revokedAt: Date | null }) {
  if (share.revokedAt) return SHARE_STATE.REVOKED;
  if (share.declinedAt) return SHARE_STATE.DECLINED;
  return share.acceptedAt ? SHARE_STATE.ACTIVE : SHARE_STATE.PENDING;
}

async function ownCatalog(ctx: StudioContext, catalogId: string) {
  const catalog = await ctx.db.catalog.findFirst({ where: { id: catalogId, studioId: ctx.studio.id }, select: { id: true, name: true } });
  if (!catalog) throw notFound("Catalog");
  return catalog;
}

/** A share by email mails in Benchflow's name: only from a confirmed address, at a bounded rate. */
async function assertMayMail(ctx: StudioContext) {
  const me = await systemDb().user.findUnique({ where: { id: ctx.user.id }, select: { emailVerifiedAt: true } });
  if (!me?.emailVerifiedAt) throw new TRPCError({ code: "FORBIDDEN", message: "Confirm your email address before sharing by email." });
  await consumeRateLimit([["catalogSharesPerUser", ctx.user.id]], "Too many shares by email");
}

/** A new share, a re-share after a revoke or decline, or a repeated email invitation counts against the plan. */
async function assertShareAllowed(ctx: StudioContext, existing: { revokedAt: Date | null; declinedAt: Date | null } | null) {
  if (!existing || existing.revokedAt || existing.declinedAt) await assertWithinLimit(ctx, "sharedCatalogs");
}

export async function shareCatalog(ctx: StudioContext, input: { catalogId: string; target: string }) {
  const catalog = await ownCatalog(ctx, input.catalogId);
  const studioId = ctx.studio.id;
  if (input.target.includes("@")) {
    const email = input.target;
    const existing = await ctx.db.catalogShare.findFirst({
      where: { studioId, catalogId: catalog.id, targetEmail: email, acceptedAt: null, revokedAt: null, declinedAt: null },
      select: { id: true, revokedAt: true, declinedAt: true },
    });
    // One open invitation per catalog and address; sharing again just sends it again.
    await assertShareAllowed(ctx, existing);
    await assertMayMail(ctx);
    const share = existing ?? (await ctx.db.catalogShare.create({
      data: { studioId, catalogId: catalog.id, targetEmail: email, targetLabel: email, createdById: ctx.user.id },
      select: { id: true },
    }));
    try {
      await sendMail(email, catalogShareMail({ sharerName: ctx.user.name, studioName: ctx.studio.name, catalogName: catalog.name, link: appUrl("/studios") }), "catalog_share");
    } catch {
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The invitation email could not be sent. Please try again." });
    }
    logger.info("catalog.share_invited", { studioId, catalogId: catalog.id, shareId: share.id });
    return { shared: true as const, pending: true as const, message: `Invitation sent to ${email}. The catalog appears in their studio once they accept it.` };
  }

  const target = await systemDb().studio.findUnique({ where: { slug: input.target }, select: { id: true } });
  if (!target) throw new TRPCError({ code: "NOT_FOUND", message: "No studio has that address. Check the address, or share by the owner's email instead." });
  if (target.id === studioId) throw new TRPCError({ code: "BAD_REQUEST", message: "This catalog already belongs to your studio." });
  const existing = await ctx.db.catalogShare.findFirst({
    where: { studioId, catalogId: catalog.id, targetStudioId: target.id },
    select: { acceptedAt: true, revokedAt: true, declinedAt: true },
  });
  if (existing && stateOf(existing) === SHARE_STATE.ACTIVE) return { shared: true as const, pending: false as const, message: "That studio already has this catalog." };
  await assertShareAllowed(ctx, existing);
  // Sharing again after a revoke or a decline asks the studio again, on the same row.
  await ctx.db.catalogShare.upsert({
    where: { catalogId_targetStudioId: { catalogId: catalog.id, targetStudioId: target.id } },
    create: { studioId, catalogId: catalog.id, targetStudioId: target.id, targetLabel: input.target, createdById: ctx.user.id },
    update: { revokedAt: null, declinedAt: null, acceptedAt: null, targetLabel: input.target, createdById: ctx.user.id },
  });
  logger.info("catalog.shared", { studioId, catalogId: catalog.id, targetStudioId: target.id });
  return { shared: true as const, pending: true as const, message: "Shared. The catalog appears in that studio once its owner accepts it." };
}

/** The owner's view of who a catalog is shared with: what they typed and where it stands, nothing about the target. */
export async function listShares(ctx: StudioContext, input: CatalogIdInput) {
  const { catalogId } = input;
  await ownCatalog(ctx, catalogId);
  const shares = await ctx.db.catalogShare.findMany({
    where: { catalogId, studioId: ctx.studio.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, targetLabel: true, createdAt: true, acceptedAt: true, declinedAt: true, revokedAt: true },
  });
  return shares.map(({ acceptedAt, declinedAt, revokedAt, ...share }) => ({ ...share, revokedAt, state: stateOf({ acceptedAt, declinedAt, revokedAt }) }));
}

/** Stops new use of the catalog's designs by the target (or withdraws an invitation); used versions stay readable. */
export async function revokeShare(ctx: StudioContext, input: ShareIdInput) {
  const { shareId } = input;
  const { count } = await ctx.db.catalogShare.updateMany({
    where: { id: shareId, studioId: ctx.studio.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Share");
  logger.info("catalog.share_revoked", { studioId: ctx.studio.id, shareId });
  return { revoked: true as const };
}

// --- the receiving side ------------------------------------------------------------------------------------
// A pending share belongs to the sharer's tenant (an email invitation has no target studio yet), so these read
// and answer it through the owner connection, always narrowed to this studio or the caller's confirmed address.

async function confirmedEmail(ctx: StudioContext): Promise<string | null> {
  const user = await systemDb().user.findUnique({ where: { id: ctx.user.id }, select: { email: true, emailVerifiedAt: true } });
  return user?.emailVerifiedAt ? user.email.toLowerCase() : null;
}

function pendingForStudio(ctx: StudioContext, email: string | null) {
  return {
    revokedAt: null,
    declinedAt: null,
    acceptedAt: null,
    studioId: { not: ctx.studio.id },
    OR: [{ targetStudioId: ctx.studio.id }, ...(email ? [{ targetStudioId: null, targetEmail: email }] : [])],
  };
}

/** Catalogs offered to this studio (by its address, or to the owner's confirmed email), waiting for an answer. */
export async function incomingShares(ctx: StudioContext) {
  const email = await confirmedEmail(ctx);
  const rows = await systemDb().catalogShare.findMany({
    where: pendingForStudio(ctx, email),
    orderBy: { createdAt: "asc" },
    take: 50,
    select: { id: true, targetEmail: true, createdAt: true, catalog: { select: { name: true, _count: { select: { entries: true } } } }, studio: { select: { name: true } } },
  });
  const unconfirmed = email ? 0 : await systemDb().catalogShare.count({ where: { targetEmail: ctx.user.email.toLowerCase(), targetStudioId: null, acceptedAt: null, revokedAt: null, declinedAt: null } });
  return {
    shares: rows.map((row) => ({
      id: row.id,
      catalogName: row.catalog.name,
      designCount: row.catalog._count.entries,
      fromStudio: row.studio.name,
      toYourEmail: row.targetEmail !== null,
      createdAt: row.createdAt,
    })),
    waitingForEmailConfirmation: unconfirmed > 0,
  };
}

async function findIncoming(ctx: StudioContext, shareId: string) {
  const email = await confirmedEmail(ctx);
  const share = await systemDb().catalogShare.findFirst({ where: { id: shareId, ...pendingForStudio(ctx, email) }, select: { id: true, studioId: true, catalogId: true, targetStudioId: true } });
  if (!share) throw notFound("Shared catalog");
  return share;
}

export async function acceptShare(ctx: StudioContext, input: ShareIdInput) {
  const { shareId } = input;
  const share = await findIncoming(ctx, shareId);
  const now = new Date();
  await uniqueOr(systemDb().$transaction(async (tx) => {
    // Shared by email with a studio that already had (or was offered) this catalog: that row takes the answer.
    const same = share.targetStudioId ? null : await tx.catalogShare.findFirst({ where: { catalogId: share.catalogId, targetStudioId: ctx.studio.id }, select: { id: true } });
    if (same) {
      await tx.catalogShare.update({ where: { id: same.id }, data: { acceptedAt: now, revokedAt: null, declinedAt: null } });
      await tx.catalogShare.updateMany({ where: { id: share.id, acceptedAt: null }, data: { declinedAt: now } });
      return;
    }
    const { count } = await tx.catalogShare.updateMany({
      where: { id: share.id, acceptedAt: null, revokedAt: null, declinedAt: null },
      data: { acceptedAt: now, targetStudioId: ctx.studio.id },
    });
    if (count === 0) throw new TRPCError({ code: "CONFLICT", message: "This catalog was withdrawn or answered meanwhile. Reload to see it." });
  }), "This studio was given the catalog meanwhile. Reload to see it.");
  logger.info("catalog.share_accepted", { studioId: ctx.studio.id, shareId: share.id, ownerStudioId: share.studioId });
  return { accepted: true as const };
}

export async function declineShare(ctx: StudioContext, input: ShareIdInput) {
  const { shareId } = input;
  const share = await findIncoming(ctx, shareId);
  const { count } = await systemDb().catalogShare.updateMany({
    where: { id: share.id, acceptedAt: null, revokedAt: null, declinedAt: null },
    data: { declinedAt: new Date() },
  });
  if (count === 0) throw new TRPCError({ code: "CONFLICT", message: "This catalog was withdrawn or answered meanwhile. Reload to see it." });
  logger.info("catalog.share_declined", { studioId: ctx.studio.id, shareId: share.id });
  return { declined: true as const };
}
