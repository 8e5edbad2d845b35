import { describe, expect, it } from "vitest";
import type { Prisma } from "~/generated/prisma/client";
import { systemDb } from "~/server/db";
import { callerFor, errorCode } from "../../helpers/caller";
import { designInput, makeCatalogFixture, makeStudio } from "../../helpers/factories";

// Plan limits inside the catalog (src/server/billing/plan-limits.ts). The smallest plan (Solo) allows
// 40 active designs and 1 catalog shared out; a canceled subscription makes the studio read-only.

async function setSubscription(studioId: string, data: Prisma.StudioSubscriptionUpdateInput) {
  await systemDb().studioSubscription.update({ where: { studioId }, data });
}

async function soloStudioAtDesignLimit() {
  const { studio, owner } = await makeStudio();
  const f = await makeCatalogFixture(studio.id, owner);
  await setSubscription(studio.id, { plan: "SOLO", status: "active" });
  // The fixture's design plus 39 more (and one archived, which does not count) = 40 active designs.
  await systemDb().design.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({ studioId: studio.id, name: `Ring ${i}`, sku: `FILL-${i}`, archivedAt: i === 0 ? new Date() : null })),
  });
  const refs = { catalogId: f.catalog.id, stationId: f.station.id, tumblerId: f.tumbler.id, materialId: f.material.id };
  return { studio, owner, f, refs, caller: callerFor(owner) };
}

const counts = async (studioId: string) => ({
  designs: await systemDb().design.count({ where: { studioId } }),
  active: await systemDb().design.count({ where: { studioId, archivedAt: null } }),
  versions: await systemDb().designVersion.count({ where: { studioId } }),
  stations: await systemDb().station.count({ where: { studioId } }),
  materials: await systemDb().material.count({ where: { studioId } }),
  catalogs: await systemDb().catalog.count({ where: { studioId } }),
});

describe("catalog plan limits", () => {
  it("refuses a design beyond the plan's limit with a clear FORBIDDEN message and writes nothing", async () => {
    const { studio, refs, caller } = await soloStudioAtDesignLimit();
    const before = await counts(studio.id);
    expect(before.active).toBe(40);
    await expect(caller.catalog.designs.create({ studioId: studio.id, design: designInput({ ...refs, sku: "OVER-1" }) })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Solo plan includes 40 active designs and you have 40"),
    });
    expect(await counts(studio.id)).toEqual(before);
  });

  it("refuses restoring an archived design and forking at the limit; archiving one makes room", async () => {
    const { studio, f, caller } = await soloStudioAtDesignLimit();
    const archived = await systemDb().design.findFirstOrThrow({ where: { studioId: studio.id, sku: "FILL-0" } });
    expect(await errorCode(caller.catalog.designs.setArchived({ studioId: studio.id, id: archived.id, archived: false }))).toBe("FORBIDDEN");
    // Restoring a design that is already active is not an addition.
    await caller.catalog.designs.setArchived({ studioId: studio.id, id: f.design.id, archived: false });
    const before = await counts(studio.id);
    expect(await errorCode(caller.catalog.designs.fork({ studioId: studio.id, id: f.design.id, catalogId: f.catalog.id, sku: "FORK-1" }))).toBe("FORBIDDEN");
    expect(await counts(studio.id)).toEqual(before);

    await caller.catalog.designs.setArchived({ studioId: studio.id, id: f.design.id, archived: true });
    await caller.catalog.designs.setArchived({ studioId: studio.id, id: archived.id, archived: false });
    expect((await counts(studio.id)).active).toBe(40);
  });

  it("limits catalogs shared out, counting a re-enabled share; re-sharing a live one is free", async () => {
    const { studio, owner } = await makeStudio();
    const caller = callerFor(owner);
    await setSubscription(studio.id, { plan: "SOLO", status: "active" });
    const [first, second] = [await makeStudio(), await makeStudio()];
    const catalog = await caller.catalog.create({ studioId: studio.id, catalog: { name: "Wholesale" } });
    await caller.catalog.share({ studioId: studio.id, catalogId: catalog.id, target: first.studio.slug });
    await caller.catalog.share({ studioId: studio.id, catalogId: catalog.id, target: first.studio.slug });
    await expect(caller.catalog.share({ studioId: studio.id, catalogId: catalog.id, target: second.studio.slug })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("1 catalogs shared out"),
    });
    const [share] = await caller.catalog.shares({ studioId: studio.id, catalogId: catalog.id });
    await caller.catalog.revokeShare({ studioId: studio.id, shareId: share!.id });
    await caller.catalog.share({ studioId: studio.id, catalogId: catalog.id, target: second.studio.slug });
    // Re-enabling the revoked share would be a second live one.
    expect(await errorCode(caller.catalog.share({ studioId: studio.id, catalogId: catalog.id, target: first.studio.slug }))).toBe("FORBIDDEN");
    expect(await systemDb().catalogShare.count({ where: { studioId: studio.id, revokedAt: null } })).toBe(1);
  });

  it("refuses new stations, materials and catalogs while the studio is read-only (PAYMENT_REQUIRED)", async () => {
    const { studio, owner } = await makeStudio();
    const caller = callerFor(owner);
    await setSubscription(studio.id, { status: "canceled" });
    const before = await counts(studio.id);
    const station = { name: "Bench", kind: "SOLDER_BENCH" as const, count: 1, unattended: false, loadCapacity: null, runSeconds: null };
    const material = { name: "Wire", category: "METAL" as const, alloy: null, gauge: null, unit: "GRAM" as const, unitCostCents: 1, reorderPointMilli: 0 };
    expect(await errorCode(caller.stations.create({ studioId: studio.id, station }))).toBe("PAYMENT_REQUIRED");
    expect(await errorCode(caller.materials.create({ studioId: studio.id, material, openingStockMilli: 0 }))).toBe("PAYMENT_REQUIRED");
    expect(await errorCode(caller.catalog.create({ studioId: studio.id, catalog: { name: "Rings" } }))).toBe("PAYMENT_REQUIRED");
    expect(await counts(studio.id)).toEqual(before);
  });
});
