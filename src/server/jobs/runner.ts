// The job runner knows no job: each feature registers a handler (src/server/jobs/handlers.ts composes them), and
// the worker process (scripts/worker.ts) or the in-process poller (poller.ts) drains them in turn.

export type JobHandler = {
  /** For logs: what kind of job this is. */
  name: string;
  /** Claims and runs one job; anything but null means it did one and there may be more. */
  runNext: () => Promise<unknown>;
};

/** Runs every handler's jobs, in turn, until none has any left or `keepGoing` says stop. */
export async function drainJobs(handlers: readonly JobHandler[], keepGoing: () => boolean = () => true): Promise<void> {
  let worked = true;
  while (worked) {
    worked = false;
    for (const handler of handlers) {
      if (!keepGoing()) return;
      if ((await handler.runNext()) !== null) worked = true;
    }
  }
}
