import { afterAll, inject } from "vitest";

// Test files prepare data straight in the cluster's database (factories, callers) and check it there; everything
// under test goes through HTTP to the instances or the balancer.
const cluster = inject("cluster");
process.env.DATABASE_URL = cluster.urls.direct;
process.env.APP_DATABASE_URL = cluster.urls.directApp;
process.env.NEXTAUTH_SECRET = cluster.nextauthSecret;

afterAll(async () => {
  const { disconnectDb } = await import("~/server/db");
  await disconnectDb();
});
