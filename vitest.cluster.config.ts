import { defineConfig } from "vitest/config";
import { alias } from "./vitest.config";

// `npm run test:cluster`: the scale-out topology of `npm run cluster` (PgBouncer, two app instances, two workers,
// HAProxy; production build required), started once for all files, which run one at a time because they kill
// processes of the shared cluster.
export default defineConfig({
  resolve: { alias },
  test: {
    name: "cluster",
    include: ["tests/cluster/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/cluster/setup/global-setup.ts"],
    setupFiles: ["tests/cluster/setup/per-file.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: "forks",
  },
});
