// Next.js calls register() once per server process. The Node.js runtime runs the background job poller
// (planner runs); the edge runtime has nothing to start.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.BENCHFLOW_JOBS !== "off") {
    const { startJobPoller } = await import("./server/jobs/poller");
    startJobPoller();
  }
}
