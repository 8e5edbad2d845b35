// `npm run cluster [-- --instances N --workers M --port P]`: the app scaled out on one machine — PostgreSQL
// (embedded in .data/pg unless DATABASE_URL is set), PgBouncer in transaction pooling mode, N app instances
// (default 2, the production server: `npm run build` first), M planner workers (default 2) and HAProxy in
// front on one port (PORT, default 3000 or the next free one). Needs the Debian packages pgbouncer and haproxy.
// Ctrl-C stops everything. Logs: .data/cluster/logs/; where everything listens: .data/cluster/state.json.
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_ASSISTANT, DEMO_LOGIN } from "../src/server/demo/seed-demo";
import { startCluster, type Cluster } from "./lib/cluster";

const log = (line: string) => console.log(`[cluster] ${line}`);

function count(value: string | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 16) {
    console.error(`[cluster] --${what} must be a whole number from 1 to 16 (got "${value}").`);
    process.exit(1);
  }
  return parsed;
}

const { values } = parseArgs({
  options: {
    instances: { type: "string" },
    workers: { type: "string" },
    port: { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});

let cluster: Cluster | undefined;
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  log("Stopping…");
  await cluster?.stop();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));

try {
  const port = values.port ?? process.env.PORT;
  cluster = await startCluster({
    instances: count(values.instances ?? process.env.CLUSTER_INSTANCES, 2, "instances"),
    workers: count(values.workers ?? process.env.CLUSTER_WORKERS, 2, "workers"),
    port: port === undefined ? undefined : Number(port),
    pgbouncerPort: process.env.PGBOUNCER_PORT ? Number(process.env.PGBOUNCER_PORT) : undefined,
    dataDir: path.resolve(process.env.BENCHFLOW_DATA_DIR ?? ".data"),
    echo: !values.quiet,
    log,
  });
  const logs = path.relative(process.cwd(), path.join(cluster.dir, "logs"));
  log("");
  log(`Benchflow cluster ready: open ${cluster.url}`);
  log(`  ${cluster.instances.length} app instance(s): ${cluster.instances.map((i) => `${i.name} ${i.url}`).join(", ")}`);
  log(`  ${cluster.workers.length} planner worker(s); PgBouncer (transaction pooling) in front of PostgreSQL`);
  log(`  balancer stats: http://127.0.0.1:${cluster.statsPort}/stats   logs: ${logs}/`);
  log(`  Demo owner ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}; assistant ${DEMO_ASSISTANT.email} / ${DEMO_ASSISTANT.password}`);
  log(`  Load test it: npm run perf:api -- --target ${cluster.url}`);
  log("Ctrl-C stops everything.");
} catch (error) {
  console.error(`[cluster] ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
