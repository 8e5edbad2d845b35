import { readableDesignWhere, readableVersionWhere } from "./access";
import { sharingStudioNames } from "./catalogs";
import { notFound } from "~/server/errors";
import type { ByIdInput } from "~/lib/inputs";
import type { StudioContext } from "~/server/trpc/procedures";
import type { GetVersionInput, ListDesignsInput } from "./schemas";

const versionDetail = {
  id: true,
  studioId: true,
  designId: true,
  number: true,
  name: true,
  sku: true,
  description: true,
  photoUrl: true,
  labourRateCents: true,
  costingBatchSize: true,
  createdAt: true,
  steps: {
    orderBy: { position: "asc" },
    select: {
      id: true, position: true, name: true, stationId: true, stationName: true, stationKind: true, setupSeconds: true,
      secondsPerPiece: true, batchable: true, batchFamily: true, maxBatchSize: true, unattendedRunSeconds: true,
    },
  },
  variants: {
    orderBy: { position: "asc" },
    select: {
      id: true, position: true, name: true, sku: true, overrides: true, materialCostCents: true, labourCostCents: true, standardCostCents: true,
      bomLines: {
        orderBy: { position: "asc" },
        select: { id: true, materialId: true, materialName: true, materialUnit: true, unitCostCents: true, quantityMilli: true, stepPosition: true },
      },
    },
  },
} as const;

type CostFields = "materialCostCents" | "labourCostCents" | "standardCostCents";
type VersionDetail = {
  labourRateCents: number;
  costingBatchSize: number;
  variants: Array<Record<CostFields, number> & { bomLines: Array<{ unitCostCents: number }> }>;
};
type Variant<V extends VersionDetail> = V["variants"][number];
type Line<V extends VersionDetail> = Variant<V>["bomLines"][number];
type WithoutCosts<V extends VersionDetail> = Omit<V, "labourRateCents" | "costingBatchSize" | "variants"> & {
  labourRateCents: number | null;
  costingBatchSize: number | null;
  variants: Array<Omit<Variant<V>, CostFields | "bomLines"> & Record<CostFields, number | null> & { bomLines: Array<Omit<Line<V>, "unitCostCents"> & { unitCostCents: number | null }> }>;
};

/**
 * A version as another studio may see it: its routing, variants and bills of materials, without what the owner
 * pays (material costs, labour rate, standard costs). Those are the owner's business; a fork costs the design
 * again with the receiving studio's own materials and rate.
 */
function withoutOwnersCosts<V extends VersionDetail>(version: V, own: boolean): WithoutCosts<V> {
  // A widening only (numbers are numbers or null): the generic Omit types cannot see it.
  if (own) return version as unknown as WithoutCosts<V>;
  return {
    ...version,
    labourRateCents: null,
    costingBatchSize: null,
    variants: version.variants.map((variant) => ({
      ...variant,
      materialCostCents: null,
      labourCostCents: null,
      standardCostCents: null,
      bomLines: variant.bomLines.map((line) => ({ ...line, unitCostCents: null })),
    })),
  };
}

/** Own designs and designs in catalogs shared with this studio (explicit filter; RLS is the second wall). */
export async function listDesigns(ctx: StudioContext, input: ListDesignsInput) {
  const studioId = ctx.studio.id;
  const scope =
    input.scope === "own" ? { studioId } : input.scope === "shared" ? { NOT: { studioId }, ...readableDesignWhere(studioId) } : readableDesignWhere(studioId);
  const designs = await ctx.db.design.findMany({
    where: {
      AND: [
        scope,
        { archivedAt: null },
        input.catalogId ? { catalogs: { some: { catalogId: input.catalogId } } } : {},
        input.search
          ? { OR: [{ name: { contains: input.search, mode: "insensitive" } }, { sku: { contains: input.search, mode: "insensitive" } }] }
          : {},
      ],
    },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, studioId: true, name: true, sku: true, photoUrl: true, version: true, updatedAt: true },
  });
  if (designs.length === 0) return [];
  const versions = await ctx.db.designVersion.findMany({
    where: { OR: designs.map((d) => ({ designId: d.id, number: d.version })) },
    select: { designId: true, _count: { select: { variants: true, steps: true } }, variants: { select: { standardCostCents: true } } },
  });
  const byDesign = new Map(versions.map((v) => [v.designId, v]));
  const owners = await sharingStudioNames([...new Set(designs.filter((d) => d.studioId !== studioId).map((d) => d.studioId))]);
  return designs.map(({ studioId: owner, ...design }) => {
    const version = byDesign.get(design.id);
    // Another studio's costs are its own business.
    const costs = owner === studioId ? (version?.variants.map((v) => v.standardCostCents) ?? []) : [];
    return {
      ...design,
      own: owner === studioId,
      sharedBy: owner === studioId ? null : (owners.get(owner) ?? "another studio"),
      variantCount: version?._count.variants ?? 0,
      stepCount: version?._count.steps ?? 0,
      minCostCents: costs.length ? Math.min(...costs) : null,
      maxCostCents: costs.length ? Math.max(...costs) : null,
    };
  });
}

/** A design with its current version's routing, variants, BOM and costs. */
export async function getDesign(ctx: StudioContext, input: ByIdInput) {
  const { id } = input;
  const studioId = ctx.studio.id;
  const design = await ctx.db.design.findFirst({
    where: { id, ...readableDesignWhere(studioId) },
    select: {
      id: true, studioId: true, name: true, sku: true, description: true, photoUrl: true, version: true, archivedAt: true,
      forkedFromVersionId: true,
      catalogs: { select: { catalog: { select: { id: true, name: true } } } },
    },
  });
  if (!design) throw notFound("Design");
  const current = await ctx.db.designVersion.findFirst({ where: { designId: id, number: design.version }, select: versionDetail });
  if (!current) throw notFound("Design");
  const own = design.studioId === studioId;
  const owners = own ? new Map<string, string>() : await sharingStudioNames([design.studioId]);
  const { studioId: _owner, catalogs, ...rest } = design;
  return {
    ...rest,
    own,
    sharedBy: own ? null : (owners.get(design.studioId) ?? "another studio"),
    catalogs: catalogs.map((entry) => entry.catalog),
    current: withoutOwnersCosts({ ...current, studioId: undefined }, own),
  };
}

/** A design's versions, newest first. */
export async function listVersions(ctx: StudioContext, input: ByIdInput) {
  const designId = input.id;
  const design = await ctx.db.design.findFirst({ where: { id: designId, ...readableDesignWhere(ctx.studio.id) }, select: { id: true } });
  if (!design) throw notFound("Design");
  return ctx.db.designVersion.findMany({
    where: { designId, design: readableDesignWhere(ctx.studio.id) },
    orderBy: { number: "desc" },
    select: { id: true, number: true, name: true, sku: true, createdAt: true },
  });
}

/** One version by id: the studio's own, one shared with it, or one it has used (even after a revoke). */
export async function getVersion(ctx: StudioContext, input: GetVersionInput) {
  const { versionId } = input;
  const version = await ctx.db.designVersion.findFirst({
    where: { id: versionId, ...readableVersionWhere(ctx.studio.id) },
    select: versionDetail,
  });
  if (!version) throw notFound("Design version");
  const { studioId, ...rest } = version;
  const own = studioId === ctx.studio.id;
  return { ...withoutOwnersCosts(rest, own), own };
}
