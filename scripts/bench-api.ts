// `npm run bench:api`: API load benchmark against a production build (`npm run build` first).
// Starts a throwaway embedded PostgreSQL under .data/bench-api, seeds the demo studio, runs the production server (scripts/server.ts) on
// 127.0.0.1:3130, signs in through next-auth's credentials callback, then runs autocannon for 15 s on a read
// (studio.get) and 15 s on bench-step writes (bench.report, 1 piece per request, round-robin over 10 claimed
// batches of the demo studio). Prints requests/s, p50/p95/p99 latency and non-2xx/errors. All traffic goes to
// 127.0.0.1; the whole run is bounded (RUN_LIMIT_MS) and cleans up after itself.
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "../src/server/db/embedded-postgres";
import { prepareLocalDatabase, type LocalDatabase } from "./lib/local-database";
import { ensureProductionBuild, startProductionServer, type ProductionServer } from "./lib/production-server";

// autocannon ships no types (and @types/autocannon is not installed): the part used here.
type AutocannonResult = { requests: { total: number }; non2xx: number; errors: number; timeouts: number };
type AutocannonInstance = PromiseLike<AutocannonResult> & {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, responseTime: number) => void): void;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (options: Record<string, unknown>) => AutocannonInstance;

const PORT = Number(process.env.BENCH_PORT ?? 3130);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DURATION_S = 15;
// BENCH_API_CONNECTIONS=1 gives the per-request latency without queueing.
const CONNECTIONS = Math.max(1, Math.min(100, Number(process.env.BENCH_API_CONNECTIONS) || 10));
const WRITE_BATCHES = 10;
const RUN_LIMIT_MS = 4 * 60_000;
const TARGETS = { read: { rps: 150, p95: 150 }, write: { rps: 50, p95: 300 } };

const log = (line: string) => console.log(`[bench:api] ${line}`);

try {
  ensureProductionBuild(log, { build: "never" });
} catch (error) {
  console.error(`[bench:api] ${(error as Error).message}`);
  process.exit(1);
}

const dataDir = path.resolve(".data/bench-api");
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
Object.assign(process.env, {
  BENCHFLOW_DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: String(await freePort()),
  PORT: String(PORT),
  NEXTAUTH_URL: ORIGIN,
});

let database: LocalDatabase | undefined;
let server: ProductionServer | undefined;
async function cleanup() {
  await server?.stop();
  await database?.stop().catch(() => {});
}
const deadline = setTimeout(() => {
  console.error(`[bench:api] Gave up after ${RUN_LIMIT_MS / 1000} s.`);
  void cleanup().then(() => process.exit(1));
}, RUN_LIMIT_MS);

try {
  database = await prepareLocalDatabase(log);
  Object.assign(process.env, database.env);
  const { seedDemo, DEMO_LOGIN, DEMO_STUDIO_SLUG } = await import("../src/server/demo/seed-demo");
  const { systemDb, disconnectDb } = await import("../src/server/db");
  await seedDemo(systemDb());
  const { studioId, batchIds } = await writeFixture(systemDb(), DEMO_STUDIO_SLUG);
  await disconnectDb();

  log(`Starting the production server on ${ORIGIN} (log: ${path.relative(process.cwd(), dataDir)}/next.log)…`);
  server = await startProductionServer({ port: PORT, env: database.env, logFile: path.join(dataDir, "next.log") });

  const cookie = await signIn(DEMO_LOGIN.email, DEMO_LOGIN.password);
  for (const batchId of batchIds) await trpcPost(cookie, "bench.claim", { studioId, batchId }, true);
  log(`Signed in as ${DEMO_LOGIN.email}; claimed ${batchIds.length} batches for the write run.`);

  const read = await load("read  studio.get", {
    url: `${ORIGIN}/api/trpc/studio.get?input=${encodeURIComponent(JSON.stringify({ json: { studioId } }))}`,
    method: "GET",
    headers: { cookie },
  });
  let turn = 0;
  const write = await load("write bench.report", {
    url: `${ORIGIN}/api/trpc/bench.report`,
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: ORIGIN },
    requests: [{
      setupRequest: (request: Record<string, unknown>) => ({
        ...request,
        body: JSON.stringify({ json: { studioId, batchId: batchIds[turn++ % batchIds.length], piecesDone: 1, piecesScrapped: 0 } }),
      }),
    }],
  });

  printTable([
    { ...read, target: TARGETS.read },
    { ...write, target: TARGETS.write },
  ]);
} catch (error) {
  console.error(`[bench:api] ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  await cleanup();
}
process.exit(process.exitCode ?? 0);

// --- helpers -------------------------------------------------------------------------------------------

/** Ten step-0 batches of 10 000 pieces each on one big order line of the demo studio's first design. */
async function writeFixture(db: ReturnType<typeof import("../src/server/db")["systemDb"]>, slug: string) {
  const studio = await db.studio.findUniqueOrThrow({ where: { slug } });
  const owner = await db.membership.findFirstOrThrow({ where: { studioId: studio.id, role: "OWNER" } });
  const version = await db.designVersion.findFirst({
    where: { studioId: studio.id, steps: { some: {} }, variants: { some: {} } },
    include: { variants: { orderBy: { position: "asc" }, take: 1 }, steps: { orderBy: { position: "asc" }, take: 1 } },
  });
  if (!version) throw new Error("The demo studio has no design with steps; cannot prepare the write benchmark.");
  const variant = version.variants[0]!;
  const step = version.steps[0]!;
  const plan = await db.plan.upsert({ where: { studioId: studio.id }, update: {}, create: { studioId: studio.id, horizonStart: new Date(), figures: {} } });
  const number = 1 + ((await db.order.aggregate({ where: { studioId: studio.id }, _max: { number: true } }))._max.number ?? 0);
  const order = await db.order.create({ data: { studioId: studio.id, number, customerName: "API benchmark" } });
  const pieces = 10_000;
  const line = await db.orderLine.create({
    data: {
      studioId: studio.id, orderId: order.id, position: 0, designVersionId: version.id, variantId: variant.id,
      designName: version.name, variantName: variant.name, sku: version.sku, quantity: pieces * WRITE_BATCHES,
      dueDate: new Date(Date.now() + 30 * 86_400_000),
    },
  });
  const batchIds: string[] = [];
  for (let i = 0; i < WRITE_BATCHES; i++) {
    const startAt = new Date(Date.now() + i * 60_000);
    const batch = await db.batch.create({
      data: {
        studioId: studio.id, planId: plan.id, stationId: step.stationId, personId: owner.userId, stepName: step.name, pieces,
        setupMinutes: 10, workMinutes: 60, startAt, endAt: new Date(startAt.getTime() + 70 * 60_000), locked: true,
      },
    });
    await db.batchItem.create({ data: { studioId: studio.id, batchId: batch.id, orderLineId: line.id, stepPosition: 0, routingStepId: step.id, pieces } });
    batchIds.push(batch.id);
  }
  return { studioId: studio.id, batchIds };
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((header) => header.split(";")[0]!);
}

/** next-auth credentials sign-in: csrf token (and its cookie), then the callback; returns the Cookie header. */
async function signIn(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${ORIGIN}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${ORIGIN}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: ORIGIN },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const all = [...jar, ...cookiesOf(response)];
  if (!all.some((c) => c.includes("session-token="))) {
    const hint = response.status >= 500 ? " — is the build older than the schema? Run `npm run build` again (details in .data/bench-api/next.log)" : "";
    throw new Error(`Sign-in failed (HTTP ${response.status}): no session cookie${hint}`);
  }
  return all.join("; ");
}

async function trpcPost(cookie: string, procedure: string, input: unknown, mustSucceed: boolean) {
  const response = await fetch(`${ORIGIN}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: ORIGIN },
    body: JSON.stringify({ json: input }),
  });
  if (mustSucceed && !response.ok) throw new Error(`${procedure} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}

type Outcome = { label: string; rps: number; p50: number; p95: number; p99: number; total: number; non2xx: number; errors: number };

/** One autocannon run; latencies are collected per response so p95 is exact (autocannon reports p97.5). */
async function load(label: string, options: Record<string, unknown>): Promise<Outcome> {
  log(`${label}: ${DURATION_S} s, ${CONNECTIONS} connections…`);
  const times: number[] = [];
  const instance = autocannon({ ...options, connections: CONNECTIONS, duration: DURATION_S, timeout: 10 });
  instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]! : NaN);
  return {
    label, rps: result.requests.total / DURATION_S, p50: pct(50), p95: pct(95), p99: pct(99),
    total: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts,
  };
}

function printTable(rows: Array<Outcome & { target: { rps: number; p95: number } }>) {
  const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
  console.log("");
  console.log("| run | requests/s | p50 ms | p95 ms | p99 ms | requests | non-2xx | errors | target | meets |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
  for (const r of rows) {
    const meets = r.rps >= r.target.rps && r.p95 <= r.target.p95 && r.non2xx === 0 && r.errors === 0;
    console.log(`| ${r.label} | ${fmt(r.rps, 1)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.total} | ${r.non2xx} | ${r.errors} | ≥${r.target.rps}/s, p95 ≤${r.target.p95} ms | ${meets ? "yes" : "NO"} |`);
  }
  console.log("");
}
