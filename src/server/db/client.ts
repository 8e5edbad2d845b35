import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { serverEnv } from "~/server/env";
import { logger } from "~/server/logger";

export type Db = PrismaClient;

const QUERY_TIMEOUT_MESSAGE = "Query read timeout";

/**
 * After a client-side query timeout the connection stays busy until the server answers the abandoned query
 * (the next query would queue behind it, for as long as the server is stalled): close the socket so the
 * pool discards the connection and opens a fresh one when the server is back.
 */
function discardConnectionOnTimeout(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === QUERY_TIMEOUT_MESSAGE) {
          (client as unknown as { connection?: { stream?: { destroy: () => void } } }).connection?.stream?.destroy();
        }
      });
    }
    return result;
  };
}

function createPool(connectionString: string, name: string): pg.Pool {
  const env = serverEnv();
  const pool = new pg.Pool({
    connectionString,
    max: env.DB_POOL_MAX,
    // Without an acquire timeout a request waits forever for a connection during an outage.
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 10_000,
    // A frozen server keeps its sockets open and never answers: the client-side deadline cuts queries in
    // flight (statement_timeout cannot, the server is not running), and keepalive notices a vanished host.
    query_timeout: env.DB_QUERY_TIMEOUT_MS || undefined,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  pool.on("connect", discardConnectionOnTimeout);
  // Without an 'error' listener an idle client's connection error (e.g. the server restarting)
  // crashes the whole Node process.
  pool.on("error", (error) => logger.warn(`db pool ${name}: idle client error`, { message: error.message }));
  return pool;
}

function createClient(connectionString: string, name: string): { client: PrismaClient; pool: pg.Pool } {
  const pool = createPool(connectionString, name);
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { client, pool };
}

type Clients = {
  system: ReturnType<typeof createClient>;
  tenant: ReturnType<typeof createClient>;
};

const globalForDb = globalThis as unknown as { benchflowDb?: Clients };

function clients(): Clients {
  if (!globalForDb.benchflowDb) {
    const env = serverEnv();
    const system = createClient(env.DATABASE_URL, "system");
    const tenant = env.APP_DATABASE_URL ? createClient(env.APP_DATABASE_URL, "tenant") : system;
    globalForDb.benchflowDb = { system, tenant };
  }
  return globalForDb.benchflowDb;
}

/**
 * Owner connection that bypasses row-level security. Only for what is not inside one studio:
 * accounts, sign-in, membership checks, studio creation, cross-tenant jobs and webhooks.
 */
export function systemDb(): PrismaClient {
  return clients().system.client;
}

/** The owner connection's pool, for what talks to PostgreSQL without Prisma (rate limits). */
export function systemPool(): pg.Pool {
  return clients().system.pool;
}

/** Connection as the non-owner app role: row-level security applies. Use through withTenant only. */
export function tenantClient(): PrismaClient {
  return clients().tenant.client;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.benchflowDb;
  globalForDb.benchflowDb = undefined;
  if (!current) return;
  await current.system.client.$disconnect();
  await current.system.pool.end().catch(() => {});
  if (current.tenant !== current.system) {
    await current.tenant.client.$disconnect();
    await current.tenant.pool.end().catch(() => {});
  }
}
