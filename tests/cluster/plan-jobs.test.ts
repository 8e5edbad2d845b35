import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { systemDb } from "~/server/db";
import { sessionCookie } from "../helpers/http";
import { planningWorld } from "../integration/planning/fixtures";
import { PLAN_JOB_LEASE_MS, WORKER_POLL_MS } from "./setup/cluster-env";
import { openLiveFeed, trpcMutation } from "../../scripts/lib/app-client";
import { allInstancesUp, cluster, finishedRun, leasePid, requestPlan, sleep, waitFor, workerLogEntries } from "./helpers";

// Planner jobs with two app instances taking requests and two workers sharing the queue.

const STUDIOS = 20;
const ROUNDS = 5; // each round: two requests at once for the studio (one is refused while the other's run is active)
/** How long a run may stay RUNNING after its worker died before another worker takes it over. */
const TAKEOVER_BOUND_MS = PLAN_JOB_LEASE_MS + 2 * WORKER_POLL_MS + 3_000;

beforeAll(async () => {
  await allInstancesUp();
});

/** Samples the database while work goes on: a studio with two RUNNING runs at once is recorded. */
function watchForOverlaps() {
  const seen: Array<{ studioId: string; running: number }> = [];
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const rows = await systemDb().$queryRaw<Array<{ studioId: string; running: bigint }>>`
        SELECT "studioId", count(*) AS running FROM "PlanRun" WHERE status = 'RUNNING' GROUP BY "studioId" HAVING count(*) > 1`;
      seen.push(...rows.map((row) => ({ studioId: row.studioId, running: Number(row.running) })));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return { seen, stop: async () => ((stopped = true), await done) };
}

/** The "planning.succeeded" log entries of these runs (duplicates kept), once every one of them is logged. */
function loggedRuns(runIds: Set<string>): Promise<string[]> {
  return waitFor(() => {
    const ours = workerLogEntries("planning.succeeded")
      .map((entry) => entry.runId as string)
      .filter((runId) => runIds.has(runId));
    return new Set(ours).size === runIds.size && ours;
  }, `the workers' log lines of ${runIds.size} runs`, 15_000, 50);
}

describe("planner jobs across instances and workers", () => {
  it(`${STUDIOS * ROUNDS * 2} plan requests: every accepted run is worked exactly once, never two at once for one studio`, async () => {
    const worlds = [];
    for (let i = 0; i < STUDIOS; i += 5) worlds.push(...(await Promise.all(Array.from({ length: 5 }, () => planningWorld()))));
    const overlaps = watchForOverlaps();
    const accepted: Array<{ studioId: string; runId: string }> = [];
    const refused: string[] = [];
    const servedBy = new Set<string | null>();
    let busy = 0;

    await Promise.all(
      worlds.map(async ({ studio, owner }) => {
        const cookie = await sessionCookie(owner);
        for (let round = 0; round < ROUNDS; round++) {
          const answers = await Promise.all([requestPlan(cookie, studio.id), requestPlan(cookie, studio.id)]);
          for (const answer of answers) {
            servedBy.add(answer.servedBy);
            busy += answer.busy;
            if (answer.runId) accepted.push({ studioId: studio.id, runId: answer.runId });
            else refused.push(answer.code!);
          }
          for (const answer of answers) if (answer.runId) await finishedRun(answer.runId, 120_000);
        }
      }),
    );
    await overlaps.stop();
    if (busy > 0) console.log(`[plan-jobs] ${busy} request(s) answered 503 (busy, nothing written) and were asked again`);

    expect(accepted.length + refused.length).toBe(STUDIOS * ROUNDS * 2);
    expect(new Set(refused)).toEqual(new Set(["CONFLICT"]));
    expect(accepted.length).toBeGreaterThanOrEqual(STUDIOS * ROUNDS);
    expect([...servedBy].sort()).toEqual(["app1", "app2"]);

    // Exactly the accepted runs exist, each finished by one attempt of one worker, and logged once.
    const studioIds = worlds.map((world) => world.studio.id);
    const runs = await systemDb().planRun.findMany({ where: { studioId: { in: studioIds } }, orderBy: { createdAt: "asc" } });
    expect(runs.map((run) => run.id).sort()).toEqual(accepted.map((run) => run.runId).sort());
    for (const run of runs) expect(run).toMatchObject({ status: "SUCCEEDED", attempts: 1, activeSlot: null });
    // The log line follows the commit and reaches the log file through a pipe: wait for it (a real signal).
    // Runs are told apart by id, not by position: the workers' files grow in parallel.
    const acceptedIds = new Set(accepted.map((run) => run.runId));
    const ours = await loggedRuns(acceptedIds);
    expect(ours.sort()).toEqual([...acceptedIds].sort());
    // Both workers took a share.
    expect(new Set(runs.map((run) => run.leaseOwner!.split(":")[0])).size).toBe(2);

    // Never two runs of one studio at once: sampled live, and their start-finish intervals do not overlap.
    expect(overlaps.seen).toEqual([]);
    for (const studioId of studioIds) {
      const own = runs.filter((run) => run.studioId === studioId);
      for (let i = 1; i < own.length; i++) expect(own[i]!.startedAt!.getTime()).toBeGreaterThanOrEqual(own[i - 1]!.finishedAt!.getTime());
      const plan = await systemDb().plan.findUniqueOrThrow({ where: { studioId } });
      expect(plan.runId).toBe(own.at(-1)!.id);
    }
  });

  it(`a worker killed in the middle of a run leaves it to another worker within ${TAKEOVER_BOUND_MS / 1000} s, which plans it once`, async () => {
    const { studio, owner } = await planningWorld();
    const cookie = await sessionCookie(owner);
    const first = await requestPlan(cookie, studio.id);
    expect((await finishedRun(first.runId!)).status).toBe("SUCCEEDED");

    // Hold the studio's plan row, so the worker stops inside its save transaction (mid-job, deterministically).
    const blocker = new pg.Client({ connectionString: cluster().urls.direct });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT id FROM "Plan" WHERE "studioId" = $1 FOR UPDATE`, [studio.id]);
    let killed: { pid: number; at: number; owner: string } | undefined;
    try {
      const { runId } = await requestPlan(cookie, studio.id);
      const saving = await waitFor(
        async () => {
          const run = await systemDb().planRun.findUniqueOrThrow({ where: { id: runId! } });
          return run.status === "RUNNING" && run.progress === 90 ? run : null;
        },
        "the run to reach its save",
        30_000,
        25,
      );
      const pid = leasePid(saving.leaseOwner)!;
      process.kill(pid, "SIGKILL");
      killed = { pid, at: Date.now(), owner: saving.leaseOwner! };
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }

    if (!killed) throw new Error("no worker was killed");
    const { owner: killedOwner } = killed;
    const runId = (await systemDb().planRun.findFirstOrThrow({ where: { leaseOwner: killedOwner } })).id;
    const takenOver = await waitFor(
      async () => {
        const run = await systemDb().planRun.findUniqueOrThrow({ where: { id: runId } });
        return run.leaseOwner !== killedOwner ? { run, at: Date.now() } : null;
      },
      "another worker to take the run over",
      TAKEOVER_BOUND_MS + 5_000,
      50,
    );
    expect(takenOver.at - killed!.at).toBeLessThanOrEqual(TAKEOVER_BOUND_MS);
    expect(leasePid(takenOver.run.leaseOwner)).not.toBe(killed!.pid);
    expect(takenOver.run.attempts).toBe(2);

    const done = await finishedRun(runId);
    expect(done).toMatchObject({ status: "SUCCEEDED", attempts: 2, progress: 100 });
    expect((await systemDb().plan.findUniqueOrThrow({ where: { studioId: studio.id } })).runId).toBe(runId);
    expect(await loggedRuns(new Set([runId]))).toEqual([runId]);
    expect(workerLogEntries("planning.retrying").some((entry) => entry.jobId === runId)).toBe(true);
    expect(await systemDb().planRun.count({ where: { studioId: studio.id, status: { in: ["QUEUED", "RUNNING"] } } })).toBe(0);
  });

  it("a scrap report on instance 1 while a run is saving gets exactly one re-plan; the worker's plan reaches a feed on instance 2", async () => {
    // The workers plan from the real clock: orders due within the billing plan's horizon from it (whatever the
    // day, nothing below depends on the date).
    const { studio, owner } = await planningWorld({ size6: 6, size9: 4 }, new Date());
    const cookie = await sessionCookie(owner);
    const [app1, app2] = cluster().instances;
    expect((await finishedRun((await requestPlan(cookie, studio.id)).runId!)).status).toBe("SUCCEEDED");
    const solder = await systemDb().batch.findFirstOrThrow({ where: { studioId: studio.id, stepName: "Solder join" } });
    const claim = await trpcMutation(app1!.url, cookie, "bench.claim", { studioId: studio.id, batchId: solder.id });
    expect(claim.status).toBe(200);
    const started = await trpcMutation(app1!.url, cookie, "bench.start", { studioId: studio.id, batchId: solder.id, expectedVersion: (claim.data as { version: number }).version });
    expect(started.status).toBe(200);
    const feed = await openLiveFeed(app2!.url, cookie, "studio.events", { studioId: studio.id, topics: ["plan."] });

    // The run is held inside its save (the plan row is locked) while the report arrives; the report waits for the
    // same row. Whichever commits first, the scrapped pieces must be planned by a run that starts after the report.
    const blocker = new pg.Client({ connectionString: cluster().urls.direct });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT id FROM "Plan" WHERE "studioId" = $1 FOR UPDATE`, [studio.id]);
    let report: Promise<{ status: number }>;
    let running: string;
    try {
      running = (await requestPlan(cookie, studio.id)).runId!;
      await waitFor(async () => (await systemDb().planRun.findUniqueOrThrow({ where: { id: running } })).progress === 90, "the run to reach its save", 30_000, 25);
      report = trpcMutation(app1!.url, cookie, "bench.report", { studioId: studio.id, batchId: solder.id, piecesDone: 8, piecesScrapped: 2, scrapReason: "Cracked" });
      await sleep(500);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    try {
      expect((await report!).status).toBe(200);
      expect((await finishedRun(running!)).status).toBe("SUCCEEDED");
      const active = () => systemDb().planRun.findFirst({ where: { studioId: studio.id, activeSlot: "active" } });
      const replan = await waitFor(active, "the re-plan for the scrapped pieces", 30_000, 100);
      expect(replan.reason).toMatch(/^2 pieces to remake \(Solder join, #\d+\)$/);
      expect((await finishedRun(replan.id)).status).toBe("SUCCEEDED");

      const runs = await systemDb().planRun.findMany({ where: { studioId: studio.id }, orderBy: { createdAt: "asc" } });
      expect(runs).toHaveLength(3);
      for (const run of runs) expect(run).toMatchObject({ status: "SUCCEEDED", attempts: 1, activeSlot: null });
      for (let i = 1; i < runs.length; i++) expect(runs[i]!.startedAt!.getTime()).toBeGreaterThanOrEqual(runs[i - 1]!.finishedAt!.getTime());
      const remake = await systemDb().remake.findFirstOrThrow({ where: { studioId: studio.id } });
      expect(await systemDb().batchItem.count({ where: { studioId: studio.id, remakeId: remake.id } })).toBeGreaterThan(0);

      // NOTIFY from the report (instance 1) and from the worker (through PgBouncer) reach instance 2's LISTEN.
      const topics = (event: unknown) => event as { topic?: string; data?: { runId?: string } };
      await waitFor(() => feed.events.some((event) => topics(event).topic === "plan.updated" && topics(event).data?.runId === replan.id), "the re-plan on instance 2's feed", 10_000, 50);
      expect(feed.events.some((event) => topics(event).topic === "plan.requested")).toBe(true);
    } finally {
      feed.close();
    }
  });
});
