import { systemDb } from "~/server/db";
import { callerFor } from "../../helpers/caller";
import { makeCatalogFixture, makeStudio, shareAccepted } from "../../helpers/factories";

/** Studio B with its own catalog, plus studio A's catalog shared with B. Returns B's orderable variants. */
export async function ordersWorld() {
  const a = await makeStudio();
  const b = await makeStudio();
  const own = await makeCatalogFixture(b.studio.id, b.owner);
  const foreign = await makeCatalogFixture(a.studio.id, a.owner);
  await shareAccepted({ studioId: a.studio.id, owner: a.owner }, foreign.catalog.id, { studioId: b.studio.id, slug: b.studio.slug, owner: b.owner });
  const caller = callerFor(b.owner);
  const variants = await caller.order.orderableVariants({ studioId: b.studio.id });
  const ownVariants = variants.filter((v) => v.own);
  const sharedVariants = variants.filter((v) => !v.own);
  return { a, b, own, foreign, caller, variants, ownVariants, sharedVariants, db: systemDb() };
}

export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
