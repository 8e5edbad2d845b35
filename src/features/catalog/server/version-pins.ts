import { readableDesignWhere } from "./access";
import { notFound } from "~/server/errors";
import type { StudioContext } from "~/server/trpc/procedures";
import type { GetVersionInput } from "./schemas";

/**
 * Pins a design version for this studio: records that it ordered or planned with it (orders call this). The use row
 * is the studio's own lasting grant: after the owner revokes the share, the version this studio already
 * used stays readable to it (row-level security and readableVersionWhere both honour it), while new use
 * needs a live share. We keep a grant rather than copying the snapshot so every studio sees one truth.
 */
export async function pinDesignVersion(ctx: StudioContext, input: GetVersionInput) {
  const studioId = ctx.studio.id;
  const { versionId } = input;
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
