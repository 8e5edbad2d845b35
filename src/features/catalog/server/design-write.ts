import { TRPCError } from "@trpc/server";
import { assertWithinLimit } from "~/server/billing/plan-limits";
import { notFound, staleEdit, uniqueOr } from "~/server/errors";
import { publishVersion } from "./publish";
import type { DesignFields, UpdateDesignInput } from "./schemas";
import type { StudioContext } from "~/server/trpc/procedures";
import type { ArchiveInput } from "./schemas";

async function assertOwnCatalogs(ctx: StudioContext, catalogIds: string[]) {
  const unique = [...new Set(catalogIds)];
  const count = await ctx.db.catalog.count({ where: { studioId: ctx.studio.id, id: { in: unique } } });
  // A shared catalog is someone else's: designs can only be put in the studio's own catalogs.
  if (count !== unique.length) throw notFound("Catalog");
  return unique;
}

const skuTaken = (sku: string) => `Another design already uses the SKU "${sku}".`;

/** A new design and its version 1, in the given catalogs. */
export async function createDesign(ctx: StudioContext, design: DesignFields) {
  const studioId = ctx.studio.id;
  await assertWithinLimit(ctx, "activeDesigns");
  const catalogIds = await assertOwnCatalogs(ctx, design.catalogIds);
  const created = await uniqueOr(
    ctx.db.design.create({
      data: {
        studioId,
        name: design.name,
        sku: design.sku,
        description: design.description,
        photoUrl: design.photoUrl,
        version: 1,
        catalogs: { createMany: { data: catalogIds.map((catalogId) => ({ catalogId })) } },
      },
      select: { id: true },
    }),
    skuTaken(design.sku),
  );
  await publishVersion(ctx, created.id, 1, design);
  return { id: created.id, version: 1 };
}

/**
 * Every saved edit publishes a new immutable version and moves the design to it; earlier versions (and
 * everything planned with them) stay as they were. The design's version column is the optimistic lock.
 */
export async function updateDesign(ctx: StudioContext, input: UpdateDesignInput) {
  const studioId = ctx.studio.id;
  const catalogIds = await assertOwnCatalogs(ctx, input.design.catalogIds);
  const next = input.expectedVersion + 1;
  const { count } = await uniqueOr(
    ctx.db.design.updateMany({
      where: { id: input.id, studioId, version: input.expectedVersion, archivedAt: null },
      data: {
        name: input.design.name,
        sku: input.design.sku,
        description: input.design.description,
        photoUrl: input.design.photoUrl,
        version: next,
      },
    }),
    skuTaken(input.design.sku),
  );
  if (count === 0) {
    const existing = await ctx.db.design.findFirst({ where: { id: input.id, studioId }, select: { archivedAt: true } });
    if (!existing) throw notFound("Design");
    if (existing.archivedAt) throw new TRPCError({ code: "BAD_REQUEST", message: "Restore this design before editing it." });
    throw staleEdit("design");
  }
  await ctx.db.catalogDesign.deleteMany({ where: { studioId, designId: input.id, catalogId: { notIn: catalogIds } } });
  await ctx.db.catalogDesign.createMany({
    data: catalogIds.map((catalogId) => ({ studioId, catalogId, designId: input.id })),
    skipDuplicates: true,
  });
  await publishVersion(ctx, input.id, next, input.design);
  return { id: input.id, version: next };
}

/** Archived designs leave the catalog lists; their versions stay readable for past orders. */
export async function setDesignArchived(ctx: StudioContext, input: ArchiveInput) {
  const { id, archived } = input;
  if (!archived) {
    // Restoring counts against the plan's active designs (restoring an active design changes nothing).
    const existing = await ctx.db.design.findFirst({ where: { id, studioId: ctx.studio.id }, select: { archivedAt: true } });
    if (!existing) throw notFound("Design");
    if (existing.archivedAt) await assertWithinLimit(ctx, "activeDesigns");
  }
  const { count } = await ctx.db.design.updateMany({
    where: { id, studioId: ctx.studio.id },
    data: { archivedAt: archived ? new Date() : null },
  });
  if (count === 0) throw notFound("Design");
  return { id, archived };
}

export async function updateCosting(ctx: StudioContext, input: { labourRateCents: number; costingBatchSize: number }) {
  await ctx.db.studio.updateMany({
    where: { id: ctx.studio.id },
    data: { labourRateCents: input.labourRateCents, costingBatchSize: input.costingBatchSize },
  });
  return getCosting(ctx);
}

export function getCosting(ctx: StudioContext) {
  return ctx.db.studio.findFirstOrThrow({
    where: { id: ctx.studio.id },
    select: { labourRateCents: true, costingBatchSize: true },
  });
}
