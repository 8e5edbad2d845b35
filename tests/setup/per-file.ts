import { afterAll, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.APP_DATABASE_URL = inject("appDatabaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";

afterAll(async () => {
  const { disconnectDb } = await import("~/server/db");
  await disconnectDb();
});
