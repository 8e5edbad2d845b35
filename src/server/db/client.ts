import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { serverEnv } from "~/server/env";
import { logger } from "~/server/logger";

export type Db = PrismaClient;

function createPool(connectionString: string, name: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: serverEnv().DB_POOL_MAX,
    // Without an acquire timeout a request waits forever for a connection during an outage.
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 10_000,
  });
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
