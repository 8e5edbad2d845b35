// Next.js calls register() once per server process. `npm run dev`/`npm start` run planner jobs in a separate
// worker process (scripts/worker.ts) and set BENCHFLOW_JOBS=off here; a bare `next start` polls in-process.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.BENCHFLOW_JOBS !== "off") {
    const { startJobPoller } = await import("./server/jobs/poller");
    const { jobHandlers } = await import("./server/jobs/handlers");
    startJobPoller(jobHandlers);
  }
}
