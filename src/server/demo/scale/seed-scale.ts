import pg from "pg";
import { hashPassword } from "~/features/auth/server/password";
import { rebuildDashboardRollups } from "~/features/dashboard/server/rollups";
import { DEFAULT_WORKING_HOURS } from "~/features/studios/working-hours";
import type { PrismaClient } from "~/generated/prisma/client";
import { runNextPlanJob } from "~/features/planning/server/plan-job";
import { seedDemoContent, type DemoContent } from "../seed-demo-content";
import { batchEvents, type EventRow } from "./events";
import { neededPeople, simulateHistory, type HistoryVariant } from "./history";
import { insertBatches, insertEvents, insertOrders } from "./insert";
import { nextRandom } from "./random";
import { studioDefaults } from "~/features/studios/studio-defaults";

// `npm run seed:demo -- --studios N --scale S`: N realistic studios, each with a team, stations, materials,
// a catalog of designs, current orders and a plan (all through the procedures, like the demo studio), plus
// a simulated production history of about S x 10,000 bench events (bulk-inserted; scale 100 = 1M events).

export const EVENTS_PER_SCALE = 10_000;
export const SCALE_PASSWORD = "benchflow-demo";
const MAX_SEATS = 25; // the Workshop plan

const STUDIO_NAMES = ["Juniper Metalworks", "Saltmarsh Silver", "Foundry Lane Jewellery", "Little Anvil Studio", "Copper & Moss", "Northfield Goldsmiths", "Tidewater Rings", "Ember Bench Co."];
const TIME_ZONES = ["Europe/London", "America/New_York", "Europe/Berlin", "America/Los_Angeles", "Australia/Sydney", "Asia/Tokyo"];
const FIRST_NAMES = ["Ana", "Bea", "Cal", "Dev", "Eve", "Finn", "Gia", "Hal", "Ivy", "Jo", "Kai", "Lou", "Mia", "Ned", "Ola", "Pia", "Quin", "Rae", "Sol", "Tam", "Uma", "Vic", "Wes", "Yara"];

export type ScaleOptions = {
  studios: number;
  scale: number;
  /** Owner database URL for the bulk inserts (the same database as `db`). */
  databaseUrl: string;
  seed?: number;
  now?: Date;
  log?: (line: string) => void;
};

export type SeededStudio = { studioId: string; slug: string; ownerEmail: string; assistantEmails: string[]; events: number; batches: number; orders: number; created: boolean };

export const scaleSlug = (index: number) => `scale-studio-${index + 1}`;
export const scaleOwnerEmail = (index: number) => `owner@scale-${index + 1}.benchflow.local`;
const assistantEmail = (index: number, k: number) => `bench${k + 1}@scale-${index + 1}.benchflow.local`;

export async function seedScale(db: PrismaClient, options: ScaleOptions): Promise<SeededStudio[]> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  const result: SeededStudio[] = [];
  try {
    for (let index = 0; index < options.studios; index++) {
      const slug = scaleSlug(index);
      const existing = await db.studio.findUnique({ where: { slug }, select: { id: true } });
      if (existing) {
        log(`${slug}: already there, left as it is.`);
        const events = await db.benchEvent.count({ where: { studioId: existing.id } });
        result.push({ studioId: existing.id, slug, ownerEmail: scaleOwnerEmail(index), assistantEmails: [], events, batches: 0, orders: 0, created: false });
        continue;
      }
      result.push(await seedStudio(db, pool, { ...options, now, log }, index, passwordHash));
    }
  } finally {
    await pool.end();
  }
  return result;
}

async function seedStudio(db: PrismaClient, pool: pg.Pool, options: ScaleOptions & { now: Date; log: (line: string) => void }, index: number, passwordHash: string): Promise<SeededStudio> {
  const slug = scaleSlug(index);
  const targetEvents = Math.round(options.scale * EVENTS_PER_SCALE);
  const days = Math.min(730, Math.max(60, Math.round(targetEvents / 1500)));
  const timeZone = TIME_ZONES[index % TIME_ZONES.length]!;
  const started = performance.now();

  const owner = await db.user.create({ data: { email: scaleOwnerEmail(index), name: `${FIRST_NAMES[index % FIRST_NAMES.length]} Owner`, passwordHash, emailVerifiedAt: options.now } });
  const studio = await db.studio.create({
    data: { name: STUDIO_NAMES[index % STUDIO_NAMES.length]!, slug, timeZone, ...studioDefaults(timeZone), workingHours: DEFAULT_WORKING_HOURS },
  });
  await db.membership.create({ data: { studioId: studio.id, userId: owner.id, role: "OWNER" } });
  await db.studioSubscription.create({ data: { studioId: studio.id, plan: "WORKSHOP", status: "active", currentPeriodEnd: new Date(options.now.getTime() + 30 * 86_400_000) } });

  options.log(`${slug}: catalog, orders and a first plan through the procedures…`);
  const content = await seedDemoContent(owner, studio.id, () => runNextPlanJob({ studioId: studio.id }));
  await addDesigns(content, studio.id, Math.min(12, 2 + Math.ceil(options.scale)), (options.seed ?? 1) + index);

  const variants = await loadVariants(db, studio.id);
  const workSecondsPerDay = 8 * 3600;
  const people = Math.min(MAX_SEATS - 1, Math.max(2, neededPeople(variants, targetEvents, days, workSecondsPerDay)));
  const assistants = [];
  for (let k = 0; k < people; k++) {
    const user = await db.user.create({ data: { email: assistantEmail(index, k), name: `${FIRST_NAMES[(index + k + 1) % FIRST_NAMES.length]} ${k < FIRST_NAMES.length ? "Bench" : `Bench ${k}`}`, passwordHash, emailVerifiedAt: options.now } });
    await db.membership.create({ data: { studioId: studio.id, userId: user.id, role: k === 0 ? "ADMIN" : "ASSISTANT" } });
    assistants.push(user);
  }

  // Benches for the team: one of each attended station per ~4 people, a pickle pot and tumbler per ~8.
  const { pickle, tumbler, ...attended } = content.stations;
  await db.station.updateMany({ where: { studioId: studio.id, id: { in: Object.values(attended) } }, data: { count: Math.max(1, Math.ceil((people + 1) / 4)) } });
  await db.station.updateMany({ where: { studioId: studio.id, id: { in: [pickle, tumbler] } }, data: { count: Math.max(1, Math.ceil((people + 1) / 8)) } });

  const plan = await db.plan.findUniqueOrThrow({ where: { studioId: studio.id }, select: { id: true } });
  options.log(`${slug}: simulating ${days} days of production for ${people} people (~${targetEvents.toLocaleString("en")} bench events)…`);
  const history = simulateHistory({
    studioId: studio.id,
    idPrefix: `${studio.id.slice(-8)}`,
    planId: plan.id,
    timeZone,
    workingHours: DEFAULT_WORKING_HOURS,
    people: assistants.map((a) => a.id),
    variants,
    firstOrderNumber: 1,
    targetEvents,
    days,
    now: options.now,
    seed: (options.seed ?? 1) + index,
  });

  const client = await pool.connect();
  let events = 0;
  try {
    await client.query("BEGIN");
    const ctx = { studioId: studio.id, planId: plan.id };
    // History orders take numbers 1..n: the current (open) orders move after them.
    await client.query(`UPDATE "Order" SET "number" = "number" + $2 WHERE "studioId" = $1`, [studio.id, history.orders.length]);
    await insertOrders(client, ctx, history);
    await insertBatches(client, ctx, history.batches);
    const rnd = nextRandom(((options.seed ?? 1) + index) * 7919);
    let eventCount = 0;
    const nextId = () => `${studio.id.slice(-8)}e${(eventCount++).toString(36)}`;
    let buffer: EventRow[] = [];
    for (const batch of history.batches) {
      buffer.push(...batchEvents(batch, rnd, nextId));
      if (buffer.length >= 50_000) {
        await insertEvents(client, ctx, buffer);
        events += buffer.length;
        buffer = [];
        options.log(`${slug}: ${events.toLocaleString("en")} bench events written`);
      }
    }
    await insertEvents(client, ctx, buffer);
    events += buffer.length;
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  // Fresh statistics first: planned against the old ones, the rollup queries can take minutes.
  await pool.query(`ANALYZE "Order", "OrderLine", "Batch", "BatchItem", "BatchWork", "BatchItemProgress", "BenchEvent"`);
  options.log(`${slug}: history written; building the dashboard rollups…`);
  await rebuildDashboardRollups(db, studio.id);
  await pool.query(`ANALYZE "BenchReportDay", "BenchLabourDay"`);
  // Plan what is still in production (the history's open orders and the demo's current ones).
  await content.api.planning.requestPlan({ studioId: studio.id });
  const planned = await runNextPlanJob({ studioId: studio.id });
  options.log(`${slug}: planned the open orders (${planned?.status.toLowerCase() ?? "no run"})`);
  options.log(`${slug}: ${history.orders.length.toLocaleString("en")} orders, ${history.batches.length.toLocaleString("en")} batches, ${events.toLocaleString("en")} bench events in ${Math.round((performance.now() - started) / 1000)} s`);
  return { studioId: studio.id, slug, ownerEmail: owner.email, assistantEmails: assistants.map((a) => a.email), events, batches: history.batches.length, orders: history.orders.length, created: true };
}

/** The studio's design variants with their routing, as the simulation needs them. */
export async function loadVariants(db: PrismaClient, studioId: string): Promise<HistoryVariant[]> {
  const designs = await db.design.findMany({ where: { studioId, archivedAt: null }, select: { versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, name: true, sku: true, variants: { select: { id: true, name: true } }, steps: { orderBy: { position: "asc" }, select: { id: true, position: true, name: true, stationId: true, setupSeconds: true, secondsPerPiece: true, batchable: true, batchFamily: true, maxBatchSize: true, unattendedRunSeconds: true } } } } } });
  return designs.flatMap((design) => {
    const version = design.versions[0];
    if (!version) return [];
    const steps = version.steps.map((step) => ({
      routingStepId: step.id,
      position: step.position,
      name: step.name,
      stationId: step.stationId,
      setupSeconds: step.setupSeconds,
      secondsPerPiece: step.secondsPerPiece,
      batchKey: step.batchable ? (step.batchFamily ?? `${version.id}#${step.position}`) : null,
      family: step.batchable ? (step.batchFamily ?? null) : null,
      maxBatchSize: step.maxBatchSize ?? 30,
      unattended: step.unattendedRunSeconds !== null,
    }));
    return version.variants.map((variant) => ({ variantId: variant.id, designVersionId: version.id, designName: version.name, variantName: variant.name, sku: `${version.sku}-${variant.name.toUpperCase().replace(/[^A-Z0-9]+/g, "")}`, steps }));
  });
}

const EXTRA_DESIGNS = [
  { name: "Twisted wire bangle", sku: "BANGLE", variants: ["Small", "Medium", "Large"], cut: "wire", form: "Twist and shape", solder: true },
  { name: "Hammered stacking ring", sku: "STACK", variants: ["Size 6", "Size 7", "Size 8"], cut: "wire", form: "Hammer texture", solder: true },
  { name: "Leaf stud earrings", sku: "LEAF", variants: ["Pair"], cut: "sheet", form: "Chase veins", solder: true },
  { name: "Textured cuff", sku: "CUFF", variants: ["Narrow", "Wide"], cut: "sheet", form: "Roll-print texture", solder: false },
  { name: "Moon phase pendant", sku: "MOON", variants: ["18in"], cut: "sheet", form: "Dap and dome", solder: true },
  { name: "Signet ring", sku: "SIGNET", variants: ["Size 7", "Size 9"], cut: "sheet", form: "Stamp monogram", solder: true },
  { name: "Chain link bracelet", sku: "LINK", variants: ["7in", "8in"], cut: "wire", form: "Form links", solder: true },
  { name: "Organic hoop huggies", sku: "HUGGIE", variants: ["Pair"], cut: "wire", form: "Hammer texture", solder: true },
  { name: "Star charm necklace", sku: "STAR", variants: ["16in", "18in"], cut: "sheet", form: "Stamp star", solder: true },
  { name: "Wave ear climbers", sku: "WAVE", variants: ["Pair"], cut: "wire", form: "Twist and shape", solder: false },
  { name: "Pebble pendant", sku: "PEBBLE", variants: ["18in", "20in"], cut: "sheet", form: "Dap and dome", solder: true },
  { name: "Bar necklace", sku: "BAR", variants: ["16in", "18in"], cut: "sheet", form: "Stamp letters", solder: true },
] as const;

/** More designs through the design procedure, built from the demo studio's stations, materials and families. */
async function addDesigns(content: DemoContent, studioId: string, count: number, seed: number) {
  const rnd = nextRandom(seed);
  const { api, stations, materials, catalogId } = content;
  const step = (name: string, stationId: string, setupMin: number, perPieceMin: number, family: string | null, unattendedRunMin: number | null = null) => ({
    name, stationId, setupSeconds: Math.round(setupMin * 60), secondsPerPiece: Math.round(perPieceMin * 60), batchable: family !== null, batchFamily: family,
    maxBatchSize: family ? 30 : null, unattendedRunSeconds: unattendedRunMin ? unattendedRunMin * 60 : null,
  });
  for (const template of EXTRA_DESIGNS.slice(0, count)) {
    const jitter = () => Math.round((0.8 + rnd() * 0.6) * 10) / 10;
    const cut = template.cut === "wire"
      ? step("Cut wire", stations.bench, 10, 1 * jitter(), "cut-18ga-sterling")
      : step(`Cut blanks (22ga sterling)`, stations.bench, 15, 1.5 * jitter(), "cut-22ga-sterling");
    const steps = [
      cut,
      step(template.form, stations.stamping, 8, 2 * jitter(), "stamping"),
      ...(template.solder ? [step("Solder joins", stations.solder, 12, 2.5 * jitter(), "hard-solder")] : []),
      step("Pickle", stations.pickle, 2, 0.2, "pickle", 10),
      step("Tumble", stations.tumbler, 5, 0.2, "tumble", 120),
      step("Polish", stations.polish, 10, 2 * jitter(), "polish-sterling"),
    ];
    const metal = template.cut === "wire" ? materials.wire18 : materials.sheet22;
    await api.catalog.designs.create({
      studioId,
      design: {
        name: template.name, sku: template.sku, description: "", photoUrl: null, catalogIds: [catalogId], steps,
        variants: template.variants.map((name, k) => ({ name, overrides: [], bom: [{ materialId: metal, quantityMilli: Math.round((1.5 + k * 0.4) * 1000) }, ...(template.solder ? [{ materialId: materials.solderWire, quantityMilli: 50 }] : [])] })),
      },
    });
  }
}
