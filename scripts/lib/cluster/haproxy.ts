import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Supervised } from "./supervisor";

// HAProxy in front of the app instances, on one port. No sticky sessions: the instances hold no state (the
// session is a signed cookie checked against the database, live feeds LISTEN on PostgreSQL).
// - Health: GET /api/health every second; two failures take an instance out, two successes bring it back.
// - A request whose connection to an instance fails (the instance died) is sent to another one
//   (`retries` + `option redispatch`). Only connection failures are retried: a request that reached an instance
//   may have written, and is never replayed.
// - X-Forwarded-For is appended (the app trusts one hop: TRUST_PROXY_HOPS=1); X-Served-By names the instance.
// - Live feeds (SSE) ping every 20 s, under the 60 s idle timeouts.

export type HaproxyOptions = {
  binary: string;
  dir: string;
  port: number;
  /** The stats page (CSV at /stats;csv), on 127.0.0.1 only. */
  statsPort: number;
  instances: Array<{ name: string; port: number }>;
  logFile: string;
  log: (line: string) => void;
  echo?: boolean;
};

export function haproxyConfig(options: Pick<HaproxyOptions, "port" | "statsPort" | "instances">): string {
  return [
    "global",
    "  maxconn 4000",
    "",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout http-request 15s",
    "  timeout http-keep-alive 10s",
    "  timeout queue 10s",
    "  retries 3",
    "  option redispatch 1",
    "",
    "frontend web",
    `  bind 127.0.0.1:${options.port}`,
    "  option forwardfor",
    "  default_backend app",
    "",
    "backend app",
    "  balance roundrobin",
    "  option httpchk GET /api/health",
    "  http-check expect status 200",
    "  default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2",
    "  http-response set-header X-Served-By %[srv_name]",
    ...options.instances.map((instance) => `  server ${instance.name} 127.0.0.1:${instance.port} check`),
    "",
    "listen stats",
    `  bind 127.0.0.1:${options.statsPort}`,
    "  stats enable",
    "  stats uri /stats",
    "  stats refresh 5s",
    "",
  ].join("\n");
}

export function startHaproxy(options: HaproxyOptions): Supervised {
  mkdirSync(options.dir, { recursive: true });
  const configFile = path.join(options.dir, "haproxy.cfg");
  writeFileSync(configFile, haproxyConfig(options));
  return new Supervised({
    name: "haproxy",
    command: options.binary,
    // -db: stay in the foreground (the cluster supervises it); -f: the configuration.
    args: ["-db", "-f", configFile],
    logFile: options.logFile,
    echo: options.echo,
    log: options.log,
  }).start();
}

export type BackendServer = { name: string; status: string };

/** The balancer's view of the instances (UP, DOWN, ...) from its stats CSV. */
export async function backendStatus(statsPort: number): Promise<BackendServer[]> {
  const response = await fetch(`http://127.0.0.1:${statsPort}/stats;csv`);
  const lines = (await response.text()).split("\n");
  const header = lines[0]!.replace(/^# /, "").split(",");
  const [pxname, svname, status] = ["pxname", "svname", "status"].map((column) => header.indexOf(column));
  return lines
    .slice(1)
    .map((line) => line.split(","))
    .filter((cells) => cells[pxname!] === "app" && cells[svname!] !== "BACKEND" && cells[svname!] !== "FRONTEND")
    .map((cells) => ({ name: cells[svname!]!, status: cells[status!]! }));
}
