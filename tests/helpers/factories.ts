import { randomUUID } from "node:crypto";
import { hashPassword } from "~/features/auth/server/password";
import { createStudio } from "~/features/studios/server/create-studio";
import { DEFAULT_WORKING_HOURS } from "~/features/studios/working-hours";
import type { StudioRole } from "~/server/authz/permissions";
import { systemDb } from "~/server/db";

export const FACTORY_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export async function makeUser(overrides: { email?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  const suffix = uniqueSuffix();
  return systemDb().user.create({
    data: {
      email: overrides.email ?? `user-${suffix}@example.test`,
      name: overrides.name ?? `User ${suffix}`,
      passwordHash: await passwordHash,
    },
  });
}

export async function makeStudio(overrides: { name?: string; slug?: string } = {}) {
  const owner = await makeUser();
  const suffix = uniqueSuffix();
  const studio = await createStudio(systemDb(), owner, {
    name: overrides.name ?? `Studio ${suffix}`,
    slug: overrides.slug ?? `studio-${suffix}`,
    timeZone: "Europe/Paris",
    workingHours: DEFAULT_WORKING_HOURS,
  });
  return { studio, owner };
}

export async function addMember(studioId: string, role: StudioRole) {
  const user = await makeUser();
  await systemDb().membership.create({ data: { studioId, userId: user.id, role } });
  return user;
}

/** Two studios, each with an owner, an admin and an assistant: the cast of the isolation tests. */
export async function makeTwoStudios() {
  const a = await makeStudio();
  const b = await makeStudio();
  return {
    a: { ...a, admin: await addMember(a.studio.id, "ADMIN"), assistant: await addMember(a.studio.id, "ASSISTANT") },
    b: { ...b, admin: await addMember(b.studio.id, "ADMIN"), assistant: await addMember(b.studio.id, "ASSISTANT") },
  };
}

// --- catalog -------------------------------------------------------------------------------------------

type Owner = { id: string; email: string };

/** A station, a material, a catalog and a design with two variants and two steps, made through the API. */
export async function makeCatalogFixture(studioId: string, owner: Owner) {
  const { callerFor } = await import("./caller");
  const caller = callerFor(owner);
  const suffix = uniqueSuffix();
  const station = await caller.stations.create({
    studioId,
    station: { name: `Solder bench ${suffix}`, kind: "SOLDER_BENCH", count: 2, unattended: false, loadCapacity: null, runSeconds: null },
  });
  const tumbler = await caller.stations.create({
    studioId,
    station: { name: `Tumbler ${suffix}`, kind: "TUMBLER", count: 1, unattended: true, loadCapacity: 200, runSeconds: 7200 },
  });
  const material = await caller.materials.create({
    studioId,
    material: { name: `Sterling wire 18ga ${suffix}`, category: "METAL", alloy: "925", gauge: "18", unit: "GRAM", unitCostCents: 95, reorderPointMilli: 50_000 },
    openingStockMilli: 100_000,
  });
  const catalog = await caller.catalog.create({ studioId, catalog: { name: `Rings ${suffix}`, description: "" } });
  const design = await caller.catalog.designs.create({ studioId, design: designInput({ catalogId: catalog.id, stationId: station.id, tumblerId: tumbler.id, materialId: material.id, sku: `RING-${suffix}` }) });
  return { station, tumbler, material, catalog, design };
}

export function designInput(refs: { catalogId: string; stationId: string; tumblerId: string; materialId: string; sku: string }) {
  return {
    name: "Stacking ring",
    sku: refs.sku,
    description: "A hammered band",
    photoUrl: null,
    catalogIds: [refs.catalogId],
    variants: [
      { name: "Size 6", bom: [{ materialId: refs.materialId, quantityMilli: 2_000 }], overrides: [] },
      { name: "Size 9", bom: [{ materialId: refs.materialId, quantityMilli: 3_000 }], overrides: [{ step: 0, secondsPerPiece: 360 }] },
    ],
    steps: [
      { name: "Solder join", stationId: refs.stationId, setupSeconds: 600, secondsPerPiece: 240, batchable: true, batchFamily: "hard-solder" as string | null, maxBatchSize: 20, unattendedRunSeconds: null as number | null },
      { name: "Tumble", stationId: refs.tumblerId, setupSeconds: 300, secondsPerPiece: 30, batchable: true, batchFamily: "tumble-steel" as string | null, maxBatchSize: 5, unattendedRunSeconds: 7200 as number | null },
    ],
  };
}

/** Marks a factory user's email as confirmed (factory users start unverified, like new sign-ups). */
export async function verifyEmailOf<U extends { id: string }>(user: U): Promise<U> {
  await systemDb().user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  return user;
}

// --- rate limits ---------------------------------------------------------------------------------------

/** Uses up a rate limit's points for one key (as if the limit had been reached by real requests). */
export async function exhaustRateLimit(name: import("~/server/rate-limit").LimitName, key: string, used?: number) {
  const { LIMITS } = await import("~/server/rate-limit");
  const { limiter } = await import("~/server/rate-limit/store");
  await limiter(name).set(key, used ?? LIMITS[name].points, LIMITS[name].windowSeconds);
}

/** A's owner shares a catalog with B by its address, and B's owner accepts it (shares take effect on acceptance). */
export async function shareAccepted(from: { studioId: string; owner: Owner }, catalogId: string, to: { studioId: string; slug: string; owner: Owner }) {
  const { callerFor } = await import("./caller");
  await callerFor(from.owner).catalog.share({ studioId: from.studioId, catalogId, target: to.slug });
  const target = callerFor(to.owner);
  const incoming = await target.catalog.incomingShares({ studioId: to.studioId });
  for (const share of incoming.shares) await target.catalog.acceptShare({ studioId: to.studioId, shareId: share.id });
}
