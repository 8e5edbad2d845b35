import { logger } from "~/server/logger";
import { maintenanceScheduler } from "./maintenance";
import { drainJobs, type JobHandler } from "./runner";

const globalForJobs = globalThis as unknown as { benchflowJobPoller?: NodeJS.Timeout };

/** Polls the job tables about once a second in the Next.js server process (started by src/instrumentation.ts). */
export function startJobPoller(handlers: readonly JobHandler[], intervalMs = 1000) {
  if (globalForJobs.benchflowJobPoller) return;
  let busy = false;
  const maintenance = maintenanceScheduler();
  globalForJobs.benchflowJobPoller = setInterval(() => {
    if (busy) return;
    busy = true;
    drainJobs(handlers)
      .then(maintenance)
      .catch((error: unknown) => logger.warn("jobs.poll_failed", { message: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  globalForJobs.benchflowJobPoller.unref?.();
}
