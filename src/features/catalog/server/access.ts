import { assertStudioId } from "~/server/db";

/**
 * Where-builders for what a studio may read: its own rows, or rows a live share grants it. Procedures
 * always filter with these; row-level security is the second wall, not the only one.
 */
export function liveShareWhere(studioId: string) {
  assertStudioId(studioId);
  return { shares: { some: { targetStudioId: studioId, acceptedAt: { not: null }, revokedAt: null } } };
}

export function readableCatalogWhere(studioId: string) {
  assertStudioId(studioId);
  return { OR: [{ studioId }, liveShareWhere(studioId)] };
}

export function readableDesignWhere(studioId: string) {
  assertStudioId(studioId);
  return { OR: [{ studioId }, { catalogs: { some: { catalog: liveShareWhere(studioId) } } }] };
}

/** A version is readable when its design is, or when the studio has used it (past orders survive revokes). */
export function readableVersionWhere(studioId: string) {
  assertStudioId(studioId);
  return { OR: [{ design: readableDesignWhere(studioId) }, { uses: { some: { studioId } } }] };
}
