// The background worker: runs queued jobs (every handler registered in src/server/jobs/handlers.ts) in its own
// process, so the scheduling engine's CPU-bound search never blocks the web server's requests. `npm run dev` and
// `npm start` start it beside Next.js; `npm run cluster` starts several (they share the queue through leases:
// src/server/jobs/lease.ts).
// SIGTERM finishes the job in hand, then exits.
import { logger } from "../src/server/logger";

// Planner writes and seeding can outlast the web requests' 6 s query deadline (they set their own statement_timeout).
process.env.DB_QUERY_TIMEOUT_MS ??= "120000";
const { drainJobs } = await import("../src/server/jobs/runner");
const { jobHandlers } = await import("../src/server/jobs/handlers");
const { maintenanceScheduler } = await import("../src/server/jobs/maintenance");
const { workerName } = await import("../src/server/jobs/lease");
const { disconnectDb } = await import("../src/server/db");

let running = true;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (running = false));

logger.info("worker.started", { worker: workerName() });
const maintenance = maintenanceScheduler();
while (running) {
  try {
    await drainJobs(jobHandlers, () => running);
    await maintenance();
  } catch (error) {
    logger.warn("worker.poll_failed", { message: error instanceof Error ? error.message : String(error) });
  }
  if (running) await new Promise((resolve) => setTimeout(resolve, 1_000));
}
await disconnectDb();
process.exit(0);
