import { beforeAll, describe, expect, it } from "vitest";
import { trpcMutation } from "../../scripts/lib/app-client";
import { writeBenchBatches } from "../../scripts/lib/perf-fixture";
import { systemDb } from "~/server/db";
import { sessionCookie } from "../helpers/http";
import { planningWorld } from "../integration/planning/fixtures";
import { PLAN_JOB_LEASE_MS, WORKER_POLL_MS } from "./setup/cluster-env";
import { allInstancesUp, cluster, clusterState, finishedRun, instanceStatus, killInstance, requestPlan, sleep, waitFor } from "./helpers";

// One app instance and one worker killed (SIGKILL) under a bounded load of bench reports and plan requests:
// no acknowledged report is lost, HAProxy routes around the dead instance, the runs of the dead worker are
// finished by the other one, and the runner brings both processes back.

const CLIENTS = 6;
const LOAD_MS = 12_000;
const KILL_AFTER_MS = 3_000;

beforeAll(async () => {
  await allInstancesUp();
});

type Sent = { batchId: string; status: number; servedBy: string | null; startedAt: number };

describe("failover", () => {
  it("loses no acknowledged write when an app instance and a worker are killed under load, and routes around the instance", async () => {
    const reporting = await planningWorld();
    const { studio, owner } = reporting;
    const cookie = await sessionCookie(owner);
    const { batchIds } = await writeBenchBatches(systemDb(), studio.id, { count: 10, pieces: 10_000 });
    for (const batchId of batchIds) expect((await trpcMutation(cluster().url, cookie, "bench.claim", { studioId: studio.id, batchId })).status).toBe(200);
    const planners = await Promise.all(Array.from({ length: 3 }, () => planningWorld()));
    const plannerCookies = await Promise.all(planners.map((world) => sessionCookie(world.owner)));

    const sent: Sent[] = [];
    const runIds: string[] = [];
    const started = Date.now();
    let turn = 0;
    const reporter = async () => {
      while (Date.now() - started < LOAD_MS) {
        const batchId = batchIds[turn++ % batchIds.length]!;
        const startedAt = Date.now();
        try {
          const answer = await trpcMutation(cluster().url, cookie, "bench.report", { studioId: studio.id, batchId, piecesDone: 1, piecesScrapped: 0 });
          sent.push({ batchId, status: answer.status, servedBy: answer.servedBy, startedAt });
        } catch {
          sent.push({ batchId, status: 0, servedBy: null, startedAt }); // the connection failed: outcome unknown
        }
      }
    };
    const planner = async () => {
      for (let i = 0; Date.now() - started < LOAD_MS; i++) {
        try {
          const answer = await requestPlan(plannerCookies[i % planners.length]!, planners[i % planners.length]!.studio.id);
          if (answer.runId) runIds.push(answer.runId);
        } catch {
          // the connection failed (in flight on the killed instance): the run may or may not exist, checked below
        }
        await sleep(300);
      }
    };
    let killed: { instance: number; worker: number; at: number } | null = null;
    let downAt: number | null = null;
    let restartedAt: number | null = null;
    const chaos = async () => {
      await sleep(KILL_AFTER_MS);
      const workerPid = clusterState().workers[0]!.pid!;
      process.kill(workerPid, "SIGKILL");
      const instance = killInstance("app1");
      killed = { instance: instance.pid, worker: workerPid, at: instance.at };
      downAt = await waitFor(async () => ((await instanceStatus()).find((server) => server.name === "app1")?.status.startsWith("DOWN") ? Date.now() : null), "HAProxy to mark app1 DOWN", 10_000, 100);
      restartedAt = await waitFor(() => ([null, instance.pid].includes(clusterState().instances[0]!.pid) ? null : Date.now()), "the runner to restart app1", 30_000, 100);
    };
    await Promise.all([...Array.from({ length: CLIENTS }, reporter), planner(), chaos()]);

    expect(killed).not.toBeNull();
    expect(downAt).not.toBeNull();
    const ok = sent.filter((s) => s.status === 200).length;
    console.log(
      `[failover] ${sent.length} reports (${ok} acknowledged, ${sent.length - ok} failed), ${runIds.length} plan runs; app1 DOWN in the balancer ${downAt! - killed!.at} ms after the kill, restarted after ${restartedAt! - killed!.at} ms`,
    );
    // Every acknowledged report is in the database; the ones with no answer may or may not be.
    const work = await systemDb().batchWork.findMany({ where: { studioId: studio.id, batchId: { in: batchIds } } });
    for (const batchId of batchIds) {
      const acknowledged = sent.filter((s) => s.batchId === batchId && s.status === 200).length;
      const unknown = sent.filter((s) => s.batchId === batchId && s.status !== 200).length;
      const stored = work.find((row) => row.batchId === batchId)!.piecesDone;
      expect(stored).toBeGreaterThanOrEqual(acknowledged);
      expect(stored).toBeLessThanOrEqual(acknowledged + unknown);
    }
    // Only requests in flight on the dead instance can fail; once HAProxy took it out, everything succeeds.
    const failed = sent.filter((s) => s.status !== 200);
    expect(failed.length).toBeLessThanOrEqual(CLIENTS);
    expect(sent.filter((s) => s.startedAt > downAt! && s.status !== 200)).toEqual([]);
    // Between the kill and app1's restart, every answer came from app2 (requests sent to the dead app1 were redispatched).
    expect(sent.filter((s) => s.startedAt >= killed!.at && s.startedAt < restartedAt! && s.status === 200 && s.servedBy !== "app2")).toEqual([]);
    // The load went on through the failure: writes acknowledged before the kill and after HAProxy took app1 out.
    expect(sent.some((s) => s.startedAt < killed!.at && s.status === 200)).toBe(true);
    expect(sent.some((s) => s.startedAt > downAt! && s.status === 200)).toBe(true);

    // The dead worker's runs are finished by the other worker (or by it once restarted) within the lease bound.
    const runs = await systemDb().planRun.findMany({ where: { studioId: { in: planners.map((world) => world.studio.id) } }, select: { id: true } });
    expect(runs.map((run) => run.id)).toEqual(expect.arrayContaining(runIds));
    for (const run of runs) expect((await finishedRun(run.id, PLAN_JOB_LEASE_MS + 2 * WORKER_POLL_MS + 30_000)).status).toBe("SUCCEEDED");

    // The runner restarts both: the balancer lets app1 in again and it serves requests.
    await allInstancesUp(90_000);
    const state = clusterState();
    expect(state.instances[0]!.pid).not.toBe(killed!.instance);
    expect(state.workers[0]!.pid).not.toBe(killed!.worker);
    const servedBy = new Set<string | null>();
    for (let i = 0; i < 4; i++) servedBy.add((await trpcMutation(cluster().url, cookie, "bench.report", { studioId: studio.id, batchId: batchIds[0]!, piecesDone: 1, piecesScrapped: 0 })).servedBy);
    expect(servedBy).toEqual(new Set(["app1", "app2"]));
  });
});
