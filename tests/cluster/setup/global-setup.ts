import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startCluster } from "../../../scripts/lib/cluster";
import { freePort } from "../../../src/server/db/embedded-postgres";
import { CLUSTER_TEST_ENV, type ClusterInfo } from "./cluster-env";

declare module "vitest" {
  export interface ProvidedContext {
    cluster: ClusterInfo;
  }
}

/** One cluster for the whole run, on an embedded PostgreSQL in a temporary folder and free ports. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "benchflow-cluster-test-"));
  chmodSync(dataDir, 0o755); // PostgreSQL and PgBouncer run as the postgres user when the tests run as root
  delete process.env.DATABASE_URL;
  delete process.env.APP_DATABASE_URL;
  delete process.env.NEXTAUTH_URL;
  process.env.EMBEDDED_PG_PORT = String(await freePort());
  const started = Date.now();
  const log = process.env.CLUSTER_TEST_LOG ? (line: string) => console.log(`[cluster] ${line}`) : () => {};
  const cluster = await startCluster({
    instances: 2,
    workers: 2,
    port: await freePort(),
    pgbouncerPort: await freePort(),
    dataDir,
    seedDemo: false,
    env: CLUSTER_TEST_ENV,
    log,
  });
  console.log(`[cluster] started in ${((Date.now() - started) / 1000).toFixed(1)} s at ${cluster.url} (logs: ${cluster.dir}/logs)`);
  project.provide("cluster", {
    url: cluster.url,
    instances: cluster.instances.map(({ name, url }) => ({ name, url })),
    statsPort: cluster.statsPort,
    dataDir,
    logDir: path.join(cluster.dir, "logs"),
    urls: cluster.urls,
    nextauthSecret: readFileSync(path.join(dataDir, "nextauth-secret"), "utf8").trim(),
  });
  return async () => {
    await cluster.stop();
    if (!process.env.CLUSTER_TEST_KEEP) rmSync(dataDir, { recursive: true, force: true });
  };
}
