import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { trpcErrorCode, trpcMutation } from "../../scripts/lib/app-client";
import { waitForAllUp } from "../../scripts/lib/cluster";
import { backendStatus } from "../../scripts/lib/cluster/haproxy";
import type { ClusterState } from "../../scripts/lib/cluster";
import { systemDb } from "~/server/db";

export const cluster = () => inject("cluster");

/** Current process ids of the cluster's instances and workers (rewritten by the runner on every restart). */
export function clusterState(): ClusterState {
  return JSON.parse(readFileSync(path.join(cluster().dataDir, "cluster", "state.json"), "utf8")) as ClusterState;
}

/** SIGKILLs an app instance by name; returns its pid and when. The runner restarts it after a back-off. */
export function killInstance(name: string): { pid: number; at: number } {
  const pid = clusterState().instances.find((instance) => instance.name === name)?.pid;
  if (!pid) throw new Error(`${name} is not running`);
  process.kill(pid, "SIGKILL");
  return { pid, at: Date.now() };
}

/** The pid in a lease owner ("worker1:12345:<uuid>"). */
export function leasePid(leaseOwner: string | null): number | null {
  const pid = Number(leaseOwner?.split(":")[1]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, what: string, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as T;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function instanceStatus() {
  return backendStatus(cluster().statsPort);
}

export function allInstancesUp(timeoutMs = 60_000) {
  return waitFor(() => instancesUp(), "every instance UP in the balancer", timeoutMs, 250);
}

async function instancesUp() {
  try {
    await waitForAllUp(cluster().statsPort, cluster().instances.length, 0);
    return true;
  } catch {
    return false;
  }
}

/** JSON log lines with this message from the workers' logs (all restarts of every worker). */
export function workerLogEntries(message: string): Array<Record<string, unknown>> {
  const dir = cluster().logDir;
  const entries: Array<Record<string, unknown>> = [];
  for (const file of readdirSync(dir).filter((name) => name.startsWith("worker"))) {
    for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      if (!line.includes(`"${message}"`)) continue;
      try {
        entries.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // a partial line
      }
    }
  }
  return entries;
}

type PlanAnswer = { runId: string | null; code: string | null; servedBy: string | null; busy: number };

/**
 * Asks for a plan through the balancer: the run's id, or the error code (CONFLICT while one is active). A 503
 * ("busy, nothing was done": no pooled connection within 2 s on a loaded machine) is asked again, as the page
 * does; `busy` counts them.
 */
export async function requestPlan(cookie: string, studioId: string): Promise<PlanAnswer> {
  for (let busy = 0; ; busy++) {
    const outcome = await trpcMutation(cluster().url, cookie, "planning.requestPlan", { studioId });
    const runId = outcome.status === 200 ? ((outcome.data as { id: string }).id ?? null) : null;
    const code = runId ? null : (trpcErrorCode(outcome) ?? `HTTP ${outcome.status}`);
    if (code === "SERVICE_UNAVAILABLE" && busy < 10) {
      await new Promise((resolve) => setTimeout(resolve, 250 * (busy + 1)));
      continue;
    }
    return { runId, code, servedBy: outcome.servedBy, busy };
  }
}

/** Waits until a run has finished (any final state) and returns it. */
export function finishedRun(runId: string, timeoutMs = 60_000) {
  return waitFor(
    async () => {
      const run = await systemDb().planRun.findUniqueOrThrow({ where: { id: runId } });
      return run.status === "QUEUED" || run.status === "RUNNING" ? null : run;
    },
    `planner run ${runId} to finish`,
    timeoutMs,
    250,
  );
}
