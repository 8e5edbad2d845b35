import { chmodSync, chownSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { Supervised } from "./supervisor";
import { unprivilegedUser } from "./tools";

// PgBouncer in transaction pooling mode in front of PostgreSQL. What goes through it and what cannot is
// written down in docs/scaling.md: every app query (unnamed parameterised statements, tenant settings local to
// the transaction, NOTIFY) goes through; LISTEN and session-level advisory locks (migrations) go around it.

export type PgBouncerOptions = {
  binary: string;
  dir: string;
  port: number;
  /** Direct URLs of the roles that connect through it (owner and app role), same server. */
  urls: string[];
  /** Server connections per (database, role) pair. */
  poolSize: number;
  logFile: string;
  log: (line: string) => void;
  echo?: boolean;
};

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** The same URL, pointed at PgBouncer (same role, password and database name). */
export function throughPooler(url: string, port: number): string {
  const pooled = new URL(url);
  pooled.hostname = "127.0.0.1";
  pooled.port = String(port);
  return pooled.toString();
}

export function pgbouncerConfig(options: Pick<PgBouncerOptions, "port" | "urls" | "poolSize">, authFile: string): string {
  const databases = new Map<string, string>();
  for (const raw of options.urls) {
    const url = new URL(raw);
    const name = decodeURIComponent(url.pathname.slice(1));
    databases.set(name, `${name} = host=${url.hostname} port=${url.port || 5432} dbname=${name}`);
  }
  return [
    "[databases]",
    ...databases.values(),
    "",
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${options.port}`,
    "unix_socket_dir =",
    "auth_type = scram-sha-256",
    `auth_file = ${authFile}`,
    // Transaction pooling: a server connection belongs to a client for one transaction only.
    "pool_mode = transaction",
    `default_pool_size = ${options.poolSize}`,
    "reserve_pool_size = 5",
    "reserve_pool_timeout = 2",
    "max_client_conn = 2000",
    // A client waiting longer than this for a server connection gets an error (the app answers 503).
    "query_wait_timeout = 10",
    "server_idle_timeout = 60",
    "server_lifetime = 3600",
    "log_connections = 0",
    "log_disconnections = 0",
    "log_pooler_errors = 1",
    "stats_period = 300",
    "",
  ].join("\n");
}

/** Writes the configuration (owned by the unprivileged user when run as root) and starts PgBouncer supervised. */
export async function startPgBouncer(options: PgBouncerOptions): Promise<Supervised> {
  mkdirSync(options.dir, { recursive: true });
  const authFile = path.join(options.dir, "userlist.txt");
  const configFile = path.join(options.dir, "pgbouncer.ini");
  const users = new Map<string, string>();
  for (const raw of options.urls) {
    const url = new URL(raw);
    users.set(decodeURIComponent(url.username), decodeURIComponent(url.password));
  }
  writeFileSync(authFile, [...users].map(([user, password]) => `${quote(user)} ${quote(password)}`).join("\n") + "\n", { mode: 0o600 });
  writeFileSync(configFile, pgbouncerConfig(options, authFile), { mode: 0o600 });
  const user = unprivilegedUser();
  if (user) {
    for (const file of [options.dir, authFile, configFile]) chownSync(file, user.uid, user.gid);
    chmodSync(options.dir, 0o700);
  }
  const process = new Supervised({
    name: "pgbouncer",
    command: options.binary,
    args: [...(user ? ["-u", user.name] : []), configFile],
    logFile: options.logFile,
    echo: options.echo,
    log: options.log,
  }).start();
  await waitForPooler(throughPooler(options.urls[0]!, options.port), process, options.logFile);
  return process;
}

async function waitForPooler(url: string, process: Supervised, logFile: string): Promise<void> {
  const until = Date.now() + 15_000;
  let last = "";
  while (Date.now() < until) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      last = (error as Error).message;
    } finally {
      await client.end().catch(() => {});
    }
    if (process.pid() === null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`PgBouncer did not accept connections (${last || "it exited"}); see ${logFile}`);
}
