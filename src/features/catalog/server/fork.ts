import { TRPCError } from "@trpc/server";
import { assertWithinLimit } from "~/server/billing/plan-limits";
import { overridesSchema } from "../overrides";
import { convertible, convertMilli, dimensionOf, STATION_KIND_LABELS, UNIT_LABELS, type MaterialUnitName, type StationKindName } from "~/lib/units";
import { suggestVariantSku } from "../variant-skus";
import { readableDesignWhere } from "./access";
import { createDesign } from "./design-write";
import { notFound } from "~/server/errors";
import type { ByIdInput } from "~/lib/inputs";
import type { DesignFields, ForkDesignInput } from "./schemas";
import type { StudioContext } from "~/server/trpc/procedures";

// Forking a design another studio shares: a copy in this studio's own catalog, on this studio's own stations
// and materials. Each of the sharer's stations maps to one of ours of the same kind (the only one, or the one
// with the same name); each material to ours of the same name counted in a compatible unit. When that is not
// clear the person forking chooses (or asks for a new station or material), instead of duplicates being made.

export const NEW = "new";

async function loadSource(ctx: StudioContext, designId: string) {
  const source = await ctx.db.design.findFirst({
    where: { id: designId, archivedAt: null, ...readableDesignWhere(ctx.studio.id) },
    select: { version: true, sku: true },
  });
  if (!source) throw notFound("Design");
  const version = await ctx.db.designVersion.findFirst({
    where: { designId, number: source.version },
    select: {
      id: true, name: true, sku: true, description: true, photoUrl: true,
      steps: {
        orderBy: { position: "asc" },
        select: {
          name: true, stationId: true, stationName: true, stationKind: true, setupSeconds: true, secondsPerPiece: true, batchable: true, batchFamily: true,
          maxBatchSize: true, unattendedRunSeconds: true,
        },
      },
      variants: {
        orderBy: { position: "asc" },
        select: { name: true, sku: true, overrides: true, bomLines: { orderBy: { position: "asc" }, select: { materialName: true, materialUnit: true, quantityMilli: true, stepPosition: true } } },
      },
    },
  });
  if (!version) throw notFound("Design");
  return version;
}

type Source = Awaited<ReturnType<typeof loadSource>>;
const materialKey = (line: { materialName: string; materialUnit: string }) => `${line.materialName.toLowerCase()}|${line.materialUnit}`;

/** What the fork will use for each of the sharer's stations and materials, and what it cannot decide alone. */
async function planMapping(ctx: StudioContext, version: Source) {
  const studioId = ctx.studio.id;
  const stations = await ctx.db.station.findMany({ where: { studioId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } });
  const materials = await ctx.db.material.findMany({ where: { studioId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, unit: true } });

  const sourceStations = new Map<string, { key: string; name: string; kind: StationKindName; steps: string[]; unattendedRunSeconds: number | null; maxBatchSize: number | null }>();
  for (const step of version.steps) {
    const entry = sourceStations.get(step.stationId) ?? { key: step.stationId, name: step.stationName, kind: step.stationKind, steps: [], unattendedRunSeconds: null, maxBatchSize: null };
    entry.steps.push(step.name);
    entry.unattendedRunSeconds = step.unattendedRunSeconds ?? entry.unattendedRunSeconds;
    entry.maxBatchSize = step.maxBatchSize ?? entry.maxBatchSize;
    sourceStations.set(step.stationId, entry);
  }
  const stationPlan = [...sourceStations.values()].map((source) => {
    const sameKind = stations.filter((s) => s.kind === source.kind);
    const sameName = (list: typeof stations) => list.find((s) => s.name.toLowerCase() === source.name.toLowerCase());
    const suggested = sameKind.length === 1 ? sameKind[0]! : (sameName(sameKind) ?? (sameKind.length === 0 ? sameName(stations) : undefined));
    const kind = STATION_KIND_LABELS[source.kind];
    const reason = suggested ? (suggested.kind === source.kind ? "same kind" : "same name") : sameKind.length > 1 ? `you have ${sameKind.length} "${kind}" stations` : `you have no "${kind}" station`;
    return {
      ...source,
      kindLabel: STATION_KIND_LABELS[source.kind],
      suggested: suggested?.id ?? null,
      reason,
      candidates: [...sameKind, ...stations.filter((s) => s.kind !== source.kind)],
    };
  });

  const sourceMaterials = new Map<string, { key: string; name: string; unit: MaterialUnitName }>();
  for (const line of version.variants.flatMap((v) => v.bomLines)) sourceMaterials.set(materialKey(line), { key: materialKey(line), name: line.materialName, unit: line.materialUnit });
  const materialPlan = [...sourceMaterials.values()].map((source) => {
    const compatible = materials.filter((m) => convertible(m.unit, source.unit));
    const suggested = compatible.find((m) => m.name.toLowerCase() === source.name.toLowerCase());
    return { ...source, suggested: suggested?.id ?? null, candidates: compatible };
  });
  return { stations: stationPlan, materials: materialPlan };
}

/** For the fork form: each of the sharer's stations and materials with our suggestion and the choices. */
export async function forkPlan(ctx: StudioContext, input: ByIdInput) {
  const version = await loadSource(ctx, input.id);
  return planMapping(ctx, version);
}

async function freeName(ctx: StudioContext, model: "station" | "material", name: string): Promise<string> {
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? name : `${name} (${n})`;
    const taken = model === "station"
      ? await ctx.db.station.count({ where: { studioId: ctx.studio.id, name: { equals: candidate, mode: "insensitive" } } })
      : await ctx.db.material.count({ where: { studioId: ctx.studio.id, name: { equals: candidate, mode: "insensitive" } } });
    if (!taken) return candidate;
  }
  return `${name} (${Date.now()})`;
}

const CATEGORY_BY_DIMENSION = { mass: "METAL", length: "METAL", count: "FINDING", carat: "STONE" } as const;

/**
 * Copies the current version of a readable design into one of the studio's own catalogs, on the stations and
 * materials of `plan` (suggested or chosen). New stations and materials are made only where asked for, with the
 * sharer's names and none of their costs. Quantities are converted exactly when our material uses another unit.
 */
export async function forkDesign(ctx: StudioContext, input: ForkDesignInput) {
  const studioId = ctx.studio.id;
  // Checked before any station or material is made (createDesign checks again; both in one transaction).
  await assertWithinLimit(ctx, "activeDesigns");
  const version = await loadSource(ctx, input.id);
  const plan = await planMapping(ctx, version);

  const stationIds = new Map<string, string>();
  const unmapped = plan.stations.filter((s) => !(input.stations?.[s.key] ?? s.suggested));
  if (unmapped.length) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Choose which of your stations does ${unmapped.map((s) => `"${s.steps.join('", "')}" (${s.kindLabel.toLowerCase()})`).join(" and ")}, or add a new one.`,
    });
  }
  for (const source of plan.stations) {
    const choice = input.stations?.[source.key] ?? source.suggested!;
    if (choice === NEW) {
      const unattended = source.unattendedRunSeconds !== null && source.maxBatchSize !== null;
      const created = await ctx.db.station.create({
        data: {
          studioId, name: await freeName(ctx, "station", source.name), kind: source.kind,
          ...(unattended ? { unattended: true, runSeconds: source.unattendedRunSeconds, loadCapacity: source.maxBatchSize } : {}),
        },
        select: { id: true },
      });
      stationIds.set(source.key, created.id);
    } else {
      if (!source.candidates.some((s) => s.id === choice)) throw notFound("Station");
      stationIds.set(source.key, choice);
    }
  }

  const materialUnits = new Map<string, { id: string; unit: MaterialUnitName }>();
  const missing = plan.materials.filter((m) => !(input.materials?.[m.key] ?? m.suggested));
  if (missing.length) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Choose which of your materials is ${missing.map((m) => `"${m.name}"`).join(", ")}, or add it as a new material.` });
  }
  for (const source of plan.materials) {
    const choice = input.materials?.[source.key] ?? source.suggested!;
    if (choice === NEW) {
      const created = await ctx.db.material.create({
        data: { studioId, name: await freeName(ctx, "material", source.name), category: CATEGORY_BY_DIMENSION[dimensionOf(source.unit)], unit: source.unit, unitCostCents: 0 },
        select: { id: true, unit: true },
      });
      materialUnits.set(source.key, created);
    } else {
      const own = source.candidates.find((m) => m.id === choice);
      if (!own) throw new TRPCError({ code: "BAD_REQUEST", message: `"${source.name}" is counted in ${UNIT_LABELS[source.unit]}: choose one of your materials counted in a unit of the same kind.` });
      materialUnits.set(source.key, { id: own.id, unit: own.unit });
    }
  }

  const renameSku = (sku: string, name: string) => (sku.toLowerCase().startsWith(`${version.sku.toLowerCase()}-`) ? `${input.sku}${sku.slice(version.sku.length)}` : suggestVariantSku(input.sku, name)).slice(0, 60);
  const design: DesignFields = {
    name: version.name,
    sku: input.sku,
    description: version.description,
    photoUrl: version.photoUrl,
    catalogIds: [input.catalogId],
    steps: version.steps.map((step) => ({
      name: step.name,
      stationId: stationIds.get(step.stationId)!,
      setupSeconds: step.setupSeconds,
      secondsPerPiece: step.secondsPerPiece,
      batchable: step.batchable,
      batchFamily: step.batchFamily,
      maxBatchSize: step.maxBatchSize,
      unattendedRunSeconds: step.unattendedRunSeconds,
    })),
    variants: version.variants.map((variant) => ({
      name: variant.name,
      sku: renameSku(variant.sku, variant.name),
      overrides: overridesSchema.parse(variant.overrides),
      bom: variant.bomLines.map((line) => {
        const own = materialUnits.get(materialKey(line))!;
        return { materialId: own.id, quantityMilli: Math.max(1, convertMilli(line.quantityMilli, line.materialUnit, own.unit)), stepPosition: line.stepPosition };
      }),
    })),
  };
  const created = await createDesign(ctx, { design });
  await ctx.db.design.updateMany({ where: { id: created.id, studioId }, data: { forkedFromVersionId: version.id } });
  return created;
}
