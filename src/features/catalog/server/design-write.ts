import { TRPCError } from "@trpc/server";
import { assertWithinLimit } from "~/server/billing/plan-limits";
import { bulkInsert } from "~/server/db/bulk-insert";
import { notFound, staleEdit, uniqueOr } from "~/server/errors";
import { publishVersions } from "./publish";
import type { ArchiveInput } from "~/lib/inputs";
import type { CreateDesignInput, DesignFields, UpdateDesignInput } from "./schemas";
import type { StudioContext } from "~/server/trpc/procedures";

async function assertOwnCatalogs(ctx: StudioContext, catalogIds: string[]) {
  const unique = [...new Set(catalogIds)];
  const count = await ctx.db.catalog.count({ where: { studioId: ctx.studio.id, id: { in: unique } } });
  // A shared catalog is someone else's: designs can only be put in the studio's own catalogs.
  if (count !== unique.length) throw notFound("Catalog");
  return unique;
}

const skuTaken = (designs: Array<{ sku: string }>) =>
  designs.length === 1 ? `Another design already uses the SKU "${designs[0]!.sku}".` : "Another design already uses one of these SKUs.";

/** A new design and its version 1, in the given catalogs. */
export async function createDesign(ctx: StudioContext, input: CreateDesignInput) {
  return (await createDesigns(ctx, [input.design]))[0]!;
}

/**
 * New designs and their versions 1, each in its catalogs: one plan-limit check and one bulk insert per table
 * however many (a CSV import creates hundreds in the request's transaction).
 */
export async function createDesigns(ctx: StudioContext, designs: DesignFields[]) {
  if (designs.length === 0) return [];
  const studioId = ctx.studio.id;
  await assertWithinLimit(ctx, "activeDesigns", { adding: designs.length });
  await assertOwnCatalogs(ctx, designs.flatMap((d) => d.catalogIds));
  const now = new Date();
  const rows = designs.map((design) => ({ id: crypto.randomUUID(), design }));
  await uniqueOr(
    bulkInsert(ctx.db, "Design", [
      { name: "id", type: "text", value: (r) => r.id },
      { name: "studioId", type: "text", constant: studioId },
      { name: "name", type: "text", value: (r) => r.design.name },
      { name: "sku", type: "text", value: (r) => r.design.sku },
      { name: "description", type: "text", value: (r) => r.design.description },
      { name: "photoUrl", type: "text", value: (r) => r.design.photoUrl ?? null },
      { name: "version", type: "int", constant: 1 },
      { name: "createdAt", type: "timestamp", constant: now },
      { name: "updatedAt", type: "timestamp", constant: now },
    ], rows),
    skuTaken(designs),
  );
  await addToCatalogs(ctx, rows.flatMap((r) => [...new Set(r.design.catalogIds)].map((catalogId) => ({ designId: r.id, catalogId }))));
  await publishVersions(ctx, rows.map((r) => ({ designId: r.id, number: 1, content: r.design })));
  return rows.map((r) => ({ id: r.id, version: 1 }));
}

async function addToCatalogs(ctx: StudioContext, entries: Array<{ designId: string; catalogId: string }>) {
  await bulkInsert(ctx.db, "CatalogDesign", [
    { name: "studioId", type: "text", constant: ctx.studio.id },
    { name: "catalogId", type: "text", value: (e) => e.catalogId },
    { name: "designId", type: "text", value: (e) => e.designId },
  ], entries, { onConflictDoNothing: true });
}

/**
 * Every saved edit publishes a new immutable version and moves the design to it; earlier versions (and
 * everything planned with them) stay as they were. The design's version column is the optimistic lock.
 */
export async function updateDesign(ctx: StudioContext, input: UpdateDesignInput) {
  return (await updateDesigns(ctx, [input]))[0]!;
}

/** updateDesign for many designs at once (a CSV import): one UPDATE and one bulk insert per table. */
export async function updateDesigns(ctx: StudioContext, inputs: Array<UpdateDesignInput>) {
  if (inputs.length === 0) return [];
  const studioId = ctx.studio.id;
  await assertOwnCatalogs(ctx, inputs.flatMap((input) => input.design.catalogIds));
  const rows = inputs.map((input) => ({
    id: input.id, expectedVersion: input.expectedVersion, name: input.design.name, sku: input.design.sku, description: input.design.description, photoUrl: input.design.photoUrl ?? null,
  }));
  const moved = await uniqueOr(
    ctx.db.$queryRawUnsafe<Array<{ id: string }>>(
      `UPDATE "Design" AS d SET "name" = t."name", "sku" = t."sku", "description" = t."description", "photoUrl" = t."photoUrl", "version" = t."expectedVersion" + 1, "updatedAt" = now()
         FROM json_to_recordset($1::json) AS t("id" text, "expectedVersion" int, "name" text, "sku" text, "description" text, "photoUrl" text)
        WHERE d."id" = t."id" AND d."studioId" = $2 AND d."version" = t."expectedVersion" AND d."archivedAt" IS NULL
        RETURNING d."id"`,
      JSON.stringify(rows), studioId,
    ),
    skuTaken(inputs.map((input) => input.design)),
  );
  if (moved.length !== inputs.length) {
    const done = new Set(moved.map((row) => row.id));
    const missed = inputs.find((input) => !done.has(input.id))!;
    const existing = await ctx.db.design.findFirst({ where: { id: missed.id, studioId }, select: { archivedAt: true } });
    if (!existing) throw notFound("Design");
    if (existing.archivedAt) throw new TRPCError({ code: "BAD_REQUEST", message: "Restore this design before editing it." });
    throw staleEdit("design");
  }
  const wanted = inputs.flatMap((input) => [...new Set(input.design.catalogIds)].map((catalogId) => ({ designId: input.id, catalogId })));
  await ctx.db.$executeRawUnsafe(
    `DELETE FROM "CatalogDesign" AS c WHERE c."studioId" = $2 AND c."designId" = ANY($3::text[])
        AND NOT EXISTS (SELECT 1 FROM json_to_recordset($1::json) AS w("designId" text, "catalogId" text) WHERE w."designId" = c."designId" AND w."catalogId" = c."catalogId")`,
    JSON.stringify(wanted), studioId, inputs.map((input) => input.id),
  );
  await addToCatalogs(ctx, wanted);
  await publishVersions(ctx, inputs.map((input) => ({ designId: input.id, number: input.expectedVersion + 1, content: input.design })));
  return inputs.map((input) => ({ id: input.id, version: input.expectedVersion + 1 }));
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
