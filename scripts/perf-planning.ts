// `npm run perf:planning`: end-to-end planning benchmark on a real (embedded) PostgreSQL.
// Starts a throwaway embedded PostgreSQL in a temp folder, seeds the demo studio through the procedures
// (stations, materials, 3 designs with shared batch families, 3 orders, a first plan), bulk-inserts open
// order lines up to BENCH_LINES (default 2,000) with createMany, then runs the planner RUNS times:
//   total  = requestPlan + runNextPlanJob (the worker: DB read + engine + write, as in production);
//   phases = the same three steps timed one by one (loadProblem, solveStudio, savePlan) right after.
// Prints a markdown table and the medians, and ends with one JSON line of them. Bounded: gives up after
// RUN_LIMIT_MS and always stops PostgreSQL.
import { cpus, loadavg } from "node:os";
import type { PlanFigures } from "../src/features/planning/server/save";
import { runOnBenchDatabase } from "./lib/perf-database";

const LINES = Math.max(10, Number(process.env.BENCH_LINES) || 2_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 3);
const RUN_LIMIT_MS = 110_000;
/** Small deterministic PRNG so every run of the benchmark plans the same orders. */
function random(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const ms = (from: number) => Math.round(performance.now() - from);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
};

await runOnBenchDatabase("perf:planning", { limitMs: RUN_LIMIT_MS }, async (_database, log) => {
  const { seedDemo, DEMO_LOGIN, DEMO_STUDIO_SLUG } = await import("../src/server/demo/seed-demo");
  const { systemDb, withTenant, disconnectDb } = await import("../src/server/db");
  const { createContext } = await import("../src/server/trpc/context");
  const { createCaller } = await import("../src/server/trpc/root");
  const { runNextPlanJob, planTimeLimitMs } = await import("../src/features/planning/server/plan-job");
  const { loadProblem } = await import("../src/features/planning/server/problem");
  const { savePlan } = await import("../src/features/planning/server/save");
  const { horizonStartFrom } = await import("../src/features/planning/calendar");
  const { solveStudio } = await import("../src/server/scheduling");

  log("Seeding the demo studio through the procedures…");
  await seedDemo(systemDb());
  const studio = await systemDb().studio.findUniqueOrThrow({ where: { slug: DEMO_STUDIO_SLUG }, select: { id: true } });
  const owner = await systemDb().user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email }, select: { id: true, email: true, sessionVersion: true } });
  const studioId = studio.id;

  // Bulk order lines: copies of the demo's design variants, 10 lines per order, due in 3–60 days.
  const templates = await withTenant(studioId, (db) =>
    db.orderLine.findMany({ where: { studioId }, distinct: ["variantId"], select: { designVersionId: true, variantId: true, designName: true, variantName: true, sku: true } }),
  );
  const existing = await withTenant(studioId, (db) => db.orderLine.count({ where: { studioId, order: { status: "OPEN" } } }));
  const toAdd = Math.max(0, LINES - existing);
  const next = random(42);
  const firstNumber = 1 + (await withTenant(studioId, (db) => db.order.aggregate({ where: { studioId }, _max: { number: true } })))._max.number!;
  const orders = Array.from({ length: Math.ceil(toAdd / 10) }, (_, i) => ({ id: `bench-order-${i}`, studioId, number: firstNumber + i, customerName: `Bench customer ${i}` }));
  const lines = Array.from({ length: toAdd }, (_, i) => {
    const t = templates[Math.floor(next() * templates.length)]!;
    return {
      id: `bench-line-${i}`, studioId, orderId: orders[Math.floor(i / 10)]!.id, position: i % 10, ...t,
      quantity: 1 + Math.floor(next() * 6),
      dueDate: new Date(Date.now() + (3 + Math.floor(next() * 58)) * 86_400_000),
    };
  });
  await withTenant(studioId, async (db) => {
    await db.order.createMany({ data: orders });
    await db.orderLine.createMany({ data: lines });
  });
  log(`${existing + toAdd} open order lines (${templates.length} variants, ${lines.reduce((n, l) => n + l.quantity, 0)} added pieces). Engine time limit ${planTimeLimitMs()} ms.`);

  const api = createCaller(createContext({ session: { userId: owner.id, email: owner.email, sessionVersion: owner.sessionVersion, loginAt: Date.now() }, headers: new Headers() }));
  // The first plan of a freshly seeded database, timed but not counted: PostgreSQL has no statistics for its
  // tables yet and checks the new rows' foreign keys with plans made for the tiny tables it saw. A live
  // database has them (autovacuum analyses a table after such a change), so analyse before the measured runs.
  let start = performance.now();
  await api.planning.requestPlan({ studioId });
  if ((await runNextPlanJob({ studioId }))?.status !== "SUCCEEDED") throw new Error("The first plan failed.");
  const firstPlanMs = ms(start);
  await systemDb().$executeRawUnsafe("ANALYZE");
  log(`first plan on the fresh database (not counted): ${firstPlanMs} ms; tables analysed.`);

  const rows: string[] = [];
  const phases: Array<{ read: number; engine: number; save: number; total: number; setups: number; naiveSetups: number }> = [];
  for (let run = 1; run <= RUNS; run++) {
    // End to end, exactly as the app does it: queue a run, the worker reads, solves and writes.
    start = performance.now();
    const queued = await api.planning.requestPlan({ studioId });
    const outcome = await runNextPlanJob({ studioId });
    const total = ms(start);
    if (outcome?.status !== "SUCCEEDED") throw new Error(`Run ${run} ended ${outcome?.status ?? "without a job"}.`);
    const finished = await systemDb().planRun.findUniqueOrThrow({ where: { id: queued.id }, select: { figures: true, message: true } });
    const figures = finished.figures as unknown as PlanFigures;

    // The three phases one by one (the same calls the worker makes).
    start = performance.now();
    const loaded = await withTenant(studioId, (db) => loadProblem(db, studioId, horizonStartFrom(), { timeLimitMs: planTimeLimitMs() }));
    const read = ms(start);
    start = performance.now();
    const plan = solveStudio(loaded.problem);
    const engine = ms(start);
    start = performance.now();
    await withTenant(studioId, (db) => savePlan(db, studioId, queued.id, plan, loaded));
    const write = ms(start);

    phases.push({ read, engine, save: write, total, setups: figures.planned.setups, naiveSetups: figures.naive?.setups ?? 0 });
    rows.push(`| ${run} | ${loaded.lineCount} | ${figures.batches} | ${read} | ${engine} | ${write} | ${total} | ${figures.planned.setups} vs ${figures.naive?.setups ?? "—"} |`);
    log(`run ${run}: ${finished.message} in ${total} ms`);
  }
  await disconnectDb();

  console.log(`\nPlanning benchmark: ${LINES} open order lines, demo studio (6 stations, 2 people), engine limit ${planTimeLimitMs()} ms\n`);
  console.log("| run | lines | batches | DB read ms | engine ms | write ms | total ms (requestPlan + worker) | setups planned vs naive |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const row of rows) console.log(row);
  const [load1] = loadavg();
  const result = {
    bench: "planning",
    readMs: median(phases.map((p) => p.read)),
    engineMs: median(phases.map((p) => p.engine)),
    saveMs: median(phases.map((p) => p.save)),
    totalMs: median(phases.map((p) => p.total)),
    setups: median(phases.map((p) => p.setups)),
    naiveSetups: median(phases.map((p) => p.naiveSetups)),
    lines: LINES,
    runs: RUNS,
    firstPlanMs,
    loadAverage: Math.round(load1! * 100) / 100,
  };
  console.log(`| median | | | ${result.readMs} | ${result.engineMs} | ${result.saveMs} | ${result.totalMs} | ${result.setups} vs ${result.naiveSetups} |`);
  console.log("\nphases are timed separately right after each end-to-end run (same calls as the worker); total includes the worker's progress updates.");
  console.log(`load average (1 min) at the end: ${result.loadAverage} on ${cpus().length} cores\n`);
  console.log(JSON.stringify(result));
});
