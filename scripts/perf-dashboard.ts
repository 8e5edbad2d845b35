// `npm run perf:dashboard`: dashboard procedures on a studio with 1M bench events.
// Starts a throwaway embedded PostgreSQL (or reuses BENCH_DATA_DIR, seeded once and kept), seeds one big
// studio with `seed:demo`'s generator (BENCH_SCALE, default 100 = ~1M bench events) beside a small one, then
// calls the procedures in-process through the tRPC caller with the owner's session (so each call includes
// the membership check and the studio-scoped RLS transaction) and prints p50/p95/max per range.
// Target: p95 <= 200 ms for the dashboard procedures. Bounded: gives up after RUN_LIMIT_MS.
import { runOnBenchDatabase } from "./lib/perf-database";

const SCALE = Number(process.env.BENCH_SCALE) || 100;
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 15);
const TARGET_MS = 200;
const RUN_LIMIT_MS = 900_000;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

await runOnBenchDatabase("perf:dashboard", { limitMs: RUN_LIMIT_MS, keepDir: process.env.BENCH_DATA_DIR }, async (database, log) => {
  const { systemDb, disconnectDb } = await import("../src/server/db");
  const { seedScale, scaleOwnerEmail } = await import("../src/server/demo/scale/seed-scale");
  const { createContext } = await import("../src/server/trpc/context");
  const { createCaller } = await import("../src/server/trpc/root");
  const { addDays, studioToday } = await import("../src/server/time-zone");

  const seedStarted = performance.now();
  const [big] = await seedScale(systemDb(), { studios: 1, scale: SCALE, databaseUrl: database.env.DATABASE_URL!, log });
  // A second, smaller studio: the big one's queries must not scan its neighbours' rows.
  await seedScale(systemDb(), { studios: 2, scale: 2, databaseUrl: database.env.DATABASE_URL!, log });
  if (big!.created) log(`Seeded in ${Math.round((performance.now() - seedStarted) / 1000)} s.`);
  const studioId = big!.studioId;
  const counts = {
    events: await systemDb().benchEvent.count({ where: { studioId } }),
    batches: await systemDb().batch.count({ where: { studioId } }),
    orders: await systemDb().order.count({ where: { studioId } }),
    allEvents: await systemDb().benchEvent.count(),
  };
  // Ranges end today in the studio's zone, as the dashboard's own presets do.
  const { timeZone } = await systemDb().studio.findUniqueOrThrow({ where: { id: studioId }, select: { timeZone: true } });
  const day = (offset: number) => addDays(studioToday(timeZone), offset);
  const owner = await systemDb().user.findUniqueOrThrow({ where: { email: scaleOwnerEmail(0) }, select: { id: true, email: true, sessionVersion: true } });
  const api = createCaller(createContext({ session: { userId: owner.id, email: owner.email, sessionVersion: owner.sessionVersion, loginAt: Date.now() }, headers: new Headers() }));

  const ranges = [
    { label: "last 7 days", from: day(-6), to: day(0) },
    { label: "last 30 days (default)", from: day(-29), to: day(0) },
    { label: "last 90 days", from: day(-89), to: day(0) },
    { label: "last 366 days (max)", from: day(-365), to: day(0) },
  ];
  const cases: Array<{ name: string; range: string; call: () => Promise<unknown>; dashboard: boolean }> = [];
  for (const range of ranges) {
    cases.push({ name: "dashboard.production", range: range.label, dashboard: true, call: () => api.dashboard.production({ studioId, from: range.from, to: range.to }) });
    cases.push({ name: "dashboard.delivery", range: range.label, dashboard: true, call: () => api.dashboard.delivery({ studioId, from: range.from, to: range.to }) });
  }
  // Other screens that read the same tables, for context.
  cases.push({ name: "bench.queue", range: "today", dashboard: false, call: () => api.bench.queue({ studioId }) });
  cases.push({ name: "bench.mine", range: "today + this week", dashboard: false, call: () => api.bench.mine({ studioId }) });
  cases.push({ name: "planning.currentPlan", range: "next 7 days", dashboard: false, call: () => api.planning.currentPlan({ studioId, from: new Date(), to: new Date(Date.now() + 7 * 86_400_000) }) });
  cases.push({ name: "order.list", range: "all orders", dashboard: false, call: () => api.order.list({ studioId }) });

  const rows: string[] = [];
  let worstDashboardP95 = 0;
  for (const c of cases) {
    for (let warm = 0; warm < 2; warm++) await c.call();
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await c.call();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const [p50, p95, max] = [percentile(times, 50), percentile(times, 95), times[times.length - 1]!].map((v) => Math.round(v));
    if (c.dashboard) worstDashboardP95 = Math.max(worstDashboardP95, p95!);
    rows.push(`| ${c.name} | ${c.range} | ${p50} | ${p95} | ${max} | ${c.dashboard ? (p95! <= TARGET_MS ? "yes" : "**no**") : "—"} |`);
    log(`${c.name} (${c.range}): p50 ${p50} ms, p95 ${p95} ms`);
  }
  await disconnectDb();

  console.log(`\nDashboard benchmark: one studio with ${counts.events.toLocaleString("en")} bench events, ${counts.batches.toLocaleString("en")} batches, ${counts.orders.toLocaleString("en")} orders (${counts.allEvents.toLocaleString("en")} events in the database); ${RUNS} calls each, in-process tRPC caller with the owner's session\n`);
  console.log(`| procedure | range | p50 ms | p95 ms | max ms | p95 <= ${TARGET_MS} ms |`);
  console.log("| --- | --- | ---: | ---: | ---: | --- |");
  for (const row of rows) console.log(row);
  console.log(`\nWorst dashboard p95: ${worstDashboardP95} ms (target ${TARGET_MS} ms).`);
});
