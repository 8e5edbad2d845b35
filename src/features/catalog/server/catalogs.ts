import { assertPlanActive } from "~/server/billing/plan-limits";
import { systemDb } from "~/server/db";
import { DEFAULT_CATALOG_NAME } from "../default-catalog";
import { readableCatalogWhere } from "./access";
import { uniqueOr, updateVersioned } from "~/server/errors";
import type { CreateCatalogInput, UpdateCatalogInput } from "./schemas";
import type { StudioContext } from "~/server/trpc/procedures";

/** Own catalogs and catalogs shared with this studio (marked with the sharing studio's name). */
export async function listCatalogs(ctx: StudioContext) {
  const studioId = ctx.studio.id;
  const catalogs = await ctx.db.catalog.findMany({
    where: readableCatalogWhere(studioId),
    orderBy: { name: "asc" },
    select: {
      id: true,
      studioId: true,
      name: true,
      description: true,
      version: true,
      _count: { select: { entries: true } },
      shares: { where: { studioId, revokedAt: null }, select: { id: true } },
    },
  });
  const ownerIds = [...new Set(catalogs.filter((c) => c.studioId !== studioId).map((c) => c.studioId))];
  const owners = await sharingStudioNames(ownerIds);
  return catalogs.map((catalog) => ({
    id: catalog.id,
    name: catalog.name,
    description: catalog.description,
    version: catalog.version,
    designCount: catalog._count.entries,
    own: catalog.studioId === studioId,
    sharedBy: catalog.studioId === studioId ? null : (owners.get(catalog.studioId) ?? "another studio"),
    activeShareCount: catalog.shares.length,
  }));
}

/**
 * Names of studios that share catalogs with the caller. Studio rows are private to their tenant, so this is
 * a minimal owner-connection lookup of ids the caller already sees through live shares.
 */
export async function sharingStudioNames(studioIds: string[]): Promise<Map<string, string>> {
  if (studioIds.length === 0) return new Map();
  const rows = await systemDb().studio.findMany({ where: { id: { in: studioIds } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

const catalogSelect = { id: true, name: true, description: true, version: true } as const;
const duplicateName = (name: string) => `A catalog named "${name}" already exists.`;

export async function createCatalog(ctx: StudioContext, input: CreateCatalogInput) {
  await assertPlanActive(ctx);
  return uniqueOr(
    ctx.db.catalog.create({
      data: { ...input.catalog, studioId: ctx.studio.id },
      select: catalogSelect,
    }),
    duplicateName(input.catalog.name),
  );
}

export async function updateCatalog(ctx: StudioContext, input: UpdateCatalogInput) {
  const row = { id: input.id, studioId: ctx.studio.id };
  await updateVersioned(ctx.db.catalog, { ...row, expectedVersion: input.expectedVersion }, input.catalog, {
    what: "catalog",
    label: "Catalog",
    duplicate: duplicateName(input.catalog.name),
  });
  return ctx.db.catalog.findFirstOrThrow({ where: row, select: catalogSelect });
}

/** Makes sure the studio has a catalog to put designs in. */
export async function ensureDefaultCatalog(ctx: StudioContext): Promise<string> {
  const existing = await ctx.db.catalog.findFirst({ where: { studioId: ctx.studio.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (existing) return existing.id;
  const created = await ctx.db.catalog.create({ data: { studioId: ctx.studio.id, name: DEFAULT_CATALOG_NAME }, select: { id: true } });
  return created.id;
}
