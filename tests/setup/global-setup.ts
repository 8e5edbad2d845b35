import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    appDatabaseUrl: string;
  }
}

// One database per test run, migrations applied once; test files create their own studios and users.
export default async function setup(project: TestProject) {
  const database = await createTestDatabase("benchflow_test");
  project.provide("databaseUrl", database.ownerUrl);
  project.provide("appDatabaseUrl", database.appUrl);
  return async () => {
    await database.drop();
  };
}
