// The background worker: runs queued planner jobs in its own process, so the scheduling engine's CPU-bound
// search never blocks the web server's requests. `npm run dev` and `npm start` start it beside Next.js.
import { logger } from "../src/server/logger";

const { drainPlanJobs } = await import("../src/server/jobs/plan-worker");
const { disconnectDb } = await import("../src/server/db");

let running = true;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (running = false));

logger.info("worker.started");
while (running) {
  try {
    await drainPlanJobs();
  } catch (error) {
    logger.warn("worker.poll_failed", { message: error instanceof Error ? error.message : String(error) });
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}
await disconnectDb();
process.exit(0);
