import { readableDesignWhere } from "./access";
import { notFound } from "~/server/errors";
import type { StudioContext } from "~/server/trpc/procedures";

/**
 * Records that this studio planned with a design version (orders in a later issue call this). The use row
 * is the studio's own lasting grant: after the owner revokes the share, the version this studio already
 * used stays readable to it (row-level security and readableVersionWhere both honour it), while new use
 * needs a live share. We keep a grant rather than copying the snapshot so every studio sees one truth.
 */
export async function useDesignVersion(ctx: StudioContext, versionId: string) {
  const studioId = ctx.studio.id;
  const version = await ctx.db.designVersion.findFirst({
    where: { id: versionId, design: { archivedAt: null, ...readableDesignWhere(studioId) } },
    select: { id: true, studioId: true, designId: true, number: true },
  });
  if (!version) throw notFound("Design version");
  if (version.studioId !== studioId) {
    await ctx.db.designVersionUse.upsert({
      where: { studioId_designVersionId: { studioId, designVersionId: version.id } },
      create: { studioId, designVersionId: version.id },
      update: {},
    });
  }
  return { versionId: version.id, designId: version.designId, number: version.number };
}
