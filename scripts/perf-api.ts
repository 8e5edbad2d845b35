// `npm run perf:api [-- --target <url>]`: API load benchmark with a real session.
// Without --target: starts a throwaway embedded PostgreSQL under .data/bench-api, seeds the demo studio and runs
// the production server of `npm start` (scripts/server.ts; `npm run build` first) on 127.0.0.1:BENCH_PORT (3130).
// With --target: loads a server that is already running — e.g. the balancer of `npm run cluster` — whose database
// is DATABASE_URL, else the one in .data/cluster/state.json (the batches to report on are written there).
// Then signs in as the demo owner through next-auth's credentials callback and runs autocannon for 15 s on a read
// (studio.get) and 15 s on bench-step writes (bench.report, 1 piece per request, round-robin over 10 claimed
// batches), each after 5 s of warm-up that is not counted. Prints requests/s, p50/p95/p99 latency, non-2xx/errors
// and the load average, then one JSON line.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "../src/server/db/embedded-postgres";
import { signIn, trpcMutation } from "./lib/app-client";
import { writeBenchBatches } from "./lib/perf-fixture";
import { stateFile, type ClusterState } from "./lib/cluster";
import { prepareLocalDatabase, type LocalDatabase } from "./lib/local-database";
import { ensureProductionBuild, startProductionServer, type ProductionServer } from "./lib/production-server";

// autocannon ships no types (and @types/autocannon is not installed): the part used here.
type AutocannonResult = { requests: { total: number }; non2xx: number; errors: number; timeouts: number };
type AutocannonInstance = PromiseLike<AutocannonResult> & {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, responseTime: number) => void): void;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (options: Record<string, unknown>) => AutocannonInstance;

const { values: args } = parseArgs({ options: { target: { type: "string" } } });
const target = args.target?.replace(/\/$/, "");
const PORT = Number(process.env.BENCH_PORT ?? 3130);
const ORIGIN = target ?? `http://127.0.0.1:${PORT}`;
const DURATION_S = 15;
const WARMUP_S = 5;
// BENCH_API_CONNECTIONS=1 gives the per-request latency without queueing.
const CONNECTIONS = Math.max(1, Math.min(100, Number(process.env.BENCH_API_CONNECTIONS) || 10));
const WRITE_BATCHES = 10;
const RUN_LIMIT_MS = 4 * 60_000;
const TARGETS = { read: { rps: 150, p95: 150 }, write: { rps: 50, p95: 300 } };

const log = (line: string) => console.log(`[perf:api] ${line}`);
const fail = (message: string) => {
  console.error(`[perf:api] ${message}`);
  process.exit(1);
};

const dataDir = path.resolve(".data/bench-api");
if (target) {
  if (!/^https?:\/\//.test(target)) fail(`--target must be a URL such as http://localhost:3000 (got "${target}").`);
  if (!process.env.DATABASE_URL) {
    const file = stateFile(path.resolve(process.env.BENCHFLOW_DATA_DIR ?? ".data"));
    if (!existsSync(file)) fail(`Set DATABASE_URL to the target's database (the batches to report on are written there), or start \`npm run cluster\` in this checkout.`);
    process.env.DATABASE_URL = (JSON.parse(readFileSync(file, "utf8")) as ClusterState).databaseUrl;
  }
} else {
  try {
    ensureProductionBuild(log, { build: "never" });
  } catch (error) {
    fail((error as Error).message);
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  Object.assign(process.env, { BENCHFLOW_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), PORT: String(PORT), NEXTAUTH_URL: ORIGIN });
}

let database: LocalDatabase | undefined;
let server: ProductionServer | undefined;
async function cleanup() {
  await server?.stop();
  await database?.stop().catch(() => {});
}
const deadline = setTimeout(() => {
  console.error(`[perf:api] Gave up after ${RUN_LIMIT_MS / 1000} s.`);
  void cleanup().then(() => process.exit(1));
}, RUN_LIMIT_MS);

try {
  if (!target) {
    database = await prepareLocalDatabase(log);
    Object.assign(process.env, database.env);
  }
  const { seedDemo, DEMO_LOGIN, DEMO_STUDIO_SLUG } = await import("../src/server/demo/seed-demo");
  const { systemDb, disconnectDb } = await import("../src/server/db");
  await seedDemo(systemDb());
  const studioId = (await systemDb().studio.findUniqueOrThrow({ where: { slug: DEMO_STUDIO_SLUG } })).id;
  const { batchIds } = await writeBenchBatches(systemDb(), studioId, { count: WRITE_BATCHES });
  await disconnectDb();

  if (!target) {
    log(`Starting the production server on ${ORIGIN} (log: ${path.relative(process.cwd(), dataDir)}/next.log)…`);
    server = await startProductionServer({ port: PORT, env: database!.env, logFile: path.join(dataDir, "next.log") });
  } else {
    log(`Target: ${target} (database ${new URL(process.env.DATABASE_URL!).host})`);
  }

  const { cookie, status } = await signIn(ORIGIN, DEMO_LOGIN.email, DEMO_LOGIN.password);
  if (!cookie) {
    const hint = status >= 500 ? " — is the build older than the schema? Run `npm run build` again" : "";
    throw new Error(`Sign-in failed (HTTP ${status}): no session cookie${hint}`);
  }
  for (const batchId of batchIds) {
    const claimed = await trpcMutation(ORIGIN, cookie, "bench.claim", { studioId, batchId });
    if (claimed.status !== 200) throw new Error(`bench.claim answered HTTP ${claimed.status}: ${JSON.stringify(claimed.body).slice(0, 300)}`);
  }
  log(`Signed in as ${DEMO_LOGIN.email}; claimed ${batchIds.length} batches for the write run.`);

  const readRequest = {
    url: `${ORIGIN}/api/trpc/studio.get?input=${encodeURIComponent(JSON.stringify({ json: { studioId } }))}`,
    method: "GET",
    headers: { cookie },
  };
  let turn = 0;
  const writeRequest = {
    url: `${ORIGIN}/api/trpc/bench.report`,
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: ORIGIN },
    requests: [{
      setupRequest: (request: Record<string, unknown>) => ({
        ...request,
        body: JSON.stringify({ json: { studioId, batchId: batchIds[turn++ % batchIds.length], piecesDone: 1, piecesScrapped: 0 } }),
      }),
    }],
  };
  // Not measured: a fresh server compiles its routes and JIT-warms on the first requests, a long-running one has
  // done so already; without this, a server started by the benchmark loses to a warm --target.
  log(`Warming up: ${WARMUP_S} s of each…`);
  await load("warm-up read", readRequest, WARMUP_S);
  await load("warm-up write", writeRequest, WARMUP_S);
  const read = await load("read  studio.get", readRequest);
  const write = await load("write bench.report", writeRequest);

  const load1 = loadavg().map((n) => Number(n.toFixed(2)));
  printTable([
    { ...read, target: TARGETS.read },
    { ...write, target: TARGETS.write },
  ]);
  log(`Load average (1/5/15 min) at the end: ${load1.join(" / ")} on this machine's cores; other work on the machine skews these figures.`);
  const round = (n: number) => Number(n.toFixed(1));
  const figures = (o: Outcome) => ({ rps: round(o.rps), p50: round(o.p50), p95: round(o.p95), p99: round(o.p99), requests: o.total, non2xx: o.non2xx, errors: o.errors });
  console.log(JSON.stringify({ bench: "api", target: target ?? "local", connections: CONNECTIONS, durationS: DURATION_S, read: figures(read), write: figures(write), loadavg: load1 }));
} catch (error) {
  console.error(`[perf:api] ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  await cleanup();
}
process.exit(process.exitCode ?? 0);

// --- helpers -------------------------------------------------------------------------------------------

type Outcome = { label: string; rps: number; p50: number; p95: number; p99: number; total: number; non2xx: number; errors: number };

/** One autocannon run; latencies are collected per response so p95 is exact (autocannon reports p97.5). */
async function load(label: string, options: Record<string, unknown>, durationS = DURATION_S): Promise<Outcome> {
  if (durationS === DURATION_S) log(`${label}: ${durationS} s, ${CONNECTIONS} connections…`);
  const times: number[] = [];
  const instance = autocannon({ ...options, connections: CONNECTIONS, duration: durationS, timeout: 10 });
  instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]! : NaN);
  return {
    label, rps: result.requests.total / durationS, p50: pct(50), p95: pct(95), p99: pct(99),
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
