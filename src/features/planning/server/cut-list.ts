import { TRPCError } from "@trpc/server";
import { convertible, convertMilli, type MaterialUnitName } from "~/lib/units";
import { byStudio } from "~/server/db";
import type { StudioContext } from "~/server/trpc/procedures";
import { notFound } from "~/server/errors";

export type CutListLine = {
  key: string;
  materialId: string | null;
  name: string;
  alloy: string | null;
  gauge: string | null;
  unit: string;
  requiredMilli: number;
  onHandMilli: number | null;
  shortageMilli: number;
  /** What to cut per piece and for how many pieces, largest first ("12 × 55 mm"), in the line's unit. */
  cuts: Array<{ quantityMilli: number; pieces: number }>;
};

/** Materials a cut list covers: stock cut to size before the first step. Findings and stones are not cut. */
const CUT_CATEGORIES = new Set(["METAL", "CHAIN"]);

/**
 * Material requirements. For a batch (its sheet): the BOM lines its items' step uses, × the pieces. For a
 * range (the cut list): the pieces that *enter production* in it — batch items of the first routing step
 * (position 0) of batches starting in [from, to) — and only what is cut at that step (metal and chain used
 * at the first step; findings attached later are not on it). That is the "cut all your materials at once"
 * moment. Required = BOM quantity × pieces, grouped by material; shortage against this studio's on-hand
 * stock. A shared design's BOM names the owner's material: it is matched to this studio's material of the
 * same name (else shown without stock).
 */
export async function cutList(ctx: StudioContext, input: { from?: Date; to?: Date; batchId?: string }) {
  const studioId = ctx.studio.id;
  if (!input.batchId && !(input.from && input.to)) throw new TRPCError({ code: "BAD_REQUEST", message: "Give a batch or a date range." });
  if (input.batchId) {
    const exists = await ctx.db.batch.count({ where: byStudio(studioId, { id: input.batchId }) });
    if (!exists) throw notFound("Batch");
  }
  const items = await ctx.db.batchItem.findMany({
    where: byStudio(studioId, {
      ...(input.batchId ? { batchId: input.batchId } : { stepPosition: 0, batch: { startAt: { gte: input.from, lt: input.to } } }),
    }),
    select: { pieces: true, stepPosition: true, orderLine: { select: { variantId: true, designName: true, variantName: true } } },
  });
  const variantIds = [...new Set(items.map((i) => i.orderLine.variantId))];
  const bom = await ctx.db.bomLine.findMany({
    where: { variantId: { in: variantIds } },
    select: { variantId: true, studioId: true, materialId: true, materialName: true, materialUnit: true, quantityMilli: true, stepPosition: true },
  });
  const own = await ctx.db.material.findMany({
    where: byStudio(studioId),
    select: { id: true, name: true, alloy: true, gauge: true, unit: true, onHandMilli: true, category: true },
  });
  const ownById = new Map(own.map((m) => [m.id, m]));
  // A shared design's BOM names the owner's material: this studio's material of that name, counted in a unit
  // of the same kind (6 in of wire is 152.4 mm of this studio's wire).
  const ownByName = new Map<string, (typeof own)[number][]>();
  for (const m of own) ownByName.set(m.name.toLowerCase(), [...(ownByName.get(m.name.toLowerCase()) ?? []), m]);
  const sameName = (name: string, unit: MaterialUnitName) => ownByName.get(name.toLowerCase())?.find((m) => convertible(m.unit, unit));
  const cuts = new Map<string, Map<number, number>>();

  const lines = new Map<string, CutListLine>();
  const designs = new Map<string, { design: string; variant: string; pieces: number }>();
  for (const item of items) {
    const key = `${item.orderLine.designName}|${item.orderLine.variantName}`;
    const d = designs.get(key) ?? { design: item.orderLine.designName, variant: item.orderLine.variantName, pieces: 0 };
    d.pieces += item.pieces;
    designs.set(key, d);
    for (const line of bom.filter((b) => b.variantId === item.orderLine.variantId && (b.stepPosition ?? 0) === item.stepPosition)) {
      const material = line.studioId === studioId ? ownById.get(line.materialId) : sameName(line.materialName, line.materialUnit);
      // (A shared design's material without a match here is listed: we cannot tell what it is.)
      if (!input.batchId && material && !CUT_CATEGORIES.has(material.category)) continue;
      const lineKey = material ? material.id : `snapshot:${line.materialName}|${line.materialUnit}`;
      const entry = lines.get(lineKey) ?? {
        key: lineKey,
        materialId: material?.id ?? null,
        name: material?.name ?? line.materialName,
        alloy: material?.alloy ?? null,
        gauge: material?.gauge ?? null,
        unit: material?.unit ?? line.materialUnit,
        requiredMilli: 0,
        onHandMilli: material ? material.onHandMilli : null,
        shortageMilli: 0,
        cuts: [],
      };
      const perPiece = convertMilli(line.quantityMilli, line.materialUnit, entry.unit as MaterialUnitName);
      entry.requiredMilli += perPiece * item.pieces;
      lines.set(lineKey, entry);
      const byLength = cuts.get(lineKey) ?? new Map<number, number>();
      byLength.set(perPiece, (byLength.get(perPiece) ?? 0) + item.pieces);
      cuts.set(lineKey, byLength);
    }
  }
  const materials = [...lines.values()]
    .map((line) => ({
      ...line,
      shortageMilli: Math.max(0, line.requiredMilli - (line.onHandMilli ?? 0)),
      cuts: [...(cuts.get(line.key) ?? new Map<number, number>()).entries()].map(([quantityMilli, pieces]) => ({ quantityMilli, pieces })).sort((a, b) => b.quantityMilli - a.quantityMilli),
    }))
    .sort((a, b) => (a.alloy ?? "").localeCompare(b.alloy ?? "") || (a.gauge ?? "").localeCompare(b.gauge ?? "") || a.name.localeCompare(b.name));
  return {
    materials,
    designs: [...designs.values()].sort((a, b) => a.design.localeCompare(b.design) || a.variant.localeCompare(b.variant)),
    pieces: items.reduce((sum, item) => sum + item.pieces, 0),
  };
}
