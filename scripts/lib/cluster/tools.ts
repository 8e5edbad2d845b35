import { accessSync, constants, readFileSync } from "node:fs";
import path from "node:path";

// The two programs the cluster needs from the system's packages, found on PATH or in /usr/sbin (where Debian
// installs them, often outside a normal user's PATH). PGBOUNCER_BIN / HAPROXY_BIN override.

export class MissingToolError extends Error {}

const INSTALL_HINT = "Install them with: sudo apt-get install pgbouncer haproxy (Debian/Ubuntu), then run `npm run cluster` again.";

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findTool(name: "pgbouncer" | "haproxy"): string | null {
  const override = process.env[`${name.toUpperCase()}_BIN`];
  if (override) return executable(override) ? override : null;
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin", "/usr/local/bin", "/usr/bin"];
  for (const dir of dirs) {
    if (dir && executable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** Both binaries, or one error naming what is missing and how to install it. */
export function requireTools(): { pgbouncer: string; haproxy: string } {
  const pgbouncer = findTool("pgbouncer");
  const haproxy = findTool("haproxy");
  const missing = [!pgbouncer && "pgbouncer", !haproxy && "haproxy"].filter(Boolean);
  if (missing.length > 0) throw new MissingToolError(`${missing.join(" and ")} not found. ${INSTALL_HINT}`);
  return { pgbouncer: pgbouncer!, haproxy: haproxy! };
}

/**
 * PgBouncer refuses to run as root: as root it is started with `-u postgres` (the OS user embedded PostgreSQL
 * creates), and its files must belong to that user. Null when not root (it runs as the current user).
 */
export function unprivilegedUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const name = process.env.CLUSTER_OS_USER ?? "postgres";
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) {
    throw new MissingToolError(`PgBouncer cannot run as root, and there is no "${name}" user to run it as. Create one (useradd --system ${name}) or run as a normal user.`);
  }
  const [, , uid, gid] = line.split(":");
  return { name, uid: Number(uid), gid: Number(gid) };
}
