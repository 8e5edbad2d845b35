// npm run perf:import — CSV imports at the documented maximum (5,000 rows) of each kind, through the same
// procedures as the import pages (preview + commit in one request transaction), on a fresh embedded
// PostgreSQL with the demo studio. Each kind runs RUNS times with new rows (materials: creates, then the
// same file again as 5,000 updates; designs: 500 new designs of 10 rows; orders: 1,000 Etsy orders of 5
// items over the imported variants). Prints a table of medians with rows/s and ends with one JSON line.
import { cpus, loadavg } from "node:os";
import { runOnBenchDatabase } from "./lib/perf-database";

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 3);
const ROWS = 5_000;
const ms = (from: number) => Math.round(performance.now() - from);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

await runOnBenchDatabase("perf:import", { limitMs: 240_000 }, async (_database, log) => {
  const { seedDemo, DEMO_LOGIN, DEMO_STUDIO_SLUG } = await import("../src/server/demo/seed-demo");
  const { designsFile, etsyOrdersFile, materialsFile } = await import("../src/server/demo/import-files");
  const { systemDb, disconnectDb } = await import("../src/server/db");
  const { createContext } = await import("../src/server/trpc/context");
  const { createCaller } = await import("../src/server/trpc/root");

  log("Seeding the demo studio…");
  await seedDemo(systemDb());
  const studio = await systemDb().studio.findUniqueOrThrow({ where: { slug: DEMO_STUDIO_SLUG }, select: { id: true } });
  const studioId = studio.id;
  // The largest plan: no limit on active designs (the Studio plan's 250 would refuse 500 at once).
  await systemDb().studioSubscription.update({ where: { studioId }, data: { plan: "WORKSHOP", status: "active" } });
  const owner = await systemDb().user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email }, select: { id: true, email: true, sessionVersion: true } });
  const api = createCaller(createContext({ session: { userId: owner.id, email: owner.email, sessionVersion: owner.sessionVersion, loginAt: Date.now() }, headers: new Headers() }));
  const stations = (await systemDb().station.findMany({ where: { studioId, archivedAt: null }, select: { name: true } })).map((s) => s.name);
  const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  const times: Record<"materials" | "materialUpdates" | "designs" | "orders", number[]> = { materials: [], materialUpdates: [], designs: [], orders: [] };
  for (let run = 1; run <= RUNS; run++) {
    const materials = materialsFile(ROWS, `Bench material r${run}`);
    let start = performance.now();
    const created = await api.materials.importCsv({ studioId, csv: materials });
    times.materials.push(ms(start));
    start = performance.now();
    const updated = await api.materials.importCsv({ studioId, csv: materials });
    times.materialUpdates.push(ms(start));

    const designs = designsFile({ rows: ROWS, prefix: `BR${run}`, stations, materials: [`Bench material r${run} 1`, `Bench material r${run} 3`, `Bench material r${run} 5`] });
    start = performance.now();
    const imported = await api.catalog.designs.importCsv({ studioId, csv: designs.csv });
    times.designs.push(ms(start));

    start = performance.now();
    const orders = await api.order.importCommit({ studioId, csv: etsyOrdersFile(ROWS, `R${run}`, designs.variantSkus), dueDate, kind: "CUSTOMER" });
    times.orders.push(ms(start));
    log(`run ${run}: ${created.created} materials created, ${updated.updated} updated, ${imported.created} designs, ${orders.created} orders — ${Object.entries(times).map(([k, v]) => `${k} ${v.at(-1)} ms`).join(", ")}`);
  }
  await disconnectDb();

  const [load1] = loadavg();
  const rate = (msValue: number) => Math.round((ROWS / msValue) * 1000);
  const result = {
    bench: "import",
    rows: ROWS,
    runs: RUNS,
    materialsMs: median(times.materials),
    materialsRowsPerS: rate(median(times.materials)),
    materialUpdatesMs: median(times.materialUpdates),
    materialUpdatesRowsPerS: rate(median(times.materialUpdates)),
    designsMs: median(times.designs),
    designsRowsPerS: rate(median(times.designs)),
    ordersMs: median(times.orders),
    ordersRowsPerS: rate(median(times.orders)),
    loadAverage: Math.round(load1! * 100) / 100,
  };
  console.log(`\nCSV import benchmark: ${ROWS.toLocaleString("en-US")} rows per file, median of ${RUNS} (preview + commit in one request)\n`);
  console.log("| file | median ms | rows/s | runs (ms) |");
  console.log("| --- | ---: | ---: | --- |");
  console.log(`| materials (new) | ${result.materialsMs} | ${result.materialsRowsPerS} | ${times.materials.join(", ")} |`);
  console.log(`| materials (same file again: updates) | ${result.materialUpdatesMs} | ${result.materialUpdatesRowsPerS} | ${times.materialUpdates.join(", ")} |`);
  console.log(`| designs (500 designs × 4 variants + 6 steps) | ${result.designsMs} | ${result.designsRowsPerS} | ${times.designs.join(", ")} |`);
  console.log(`| orders (Etsy, 1,000 orders × 5 items) | ${result.ordersMs} | ${result.ordersRowsPerS} | ${times.orders.join(", ")} |`);
  console.log(`\nload average (1 min) at the end: ${result.loadAverage} on ${cpus().length} cores\n`);
  console.log(JSON.stringify(result));
});
