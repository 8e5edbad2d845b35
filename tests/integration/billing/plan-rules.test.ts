import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemDb } from "~/server/db";
import { callerFor } from "../../helpers/caller";
import { makeStudio, uniqueSuffix, verifyEmailOf } from "../../helpers/factories";
import { dueIn, paris, planNow, planningWorld, wideRange } from "../planning/fixtures";
import { startMailServer } from "../team/mail-server";

// Plan limits are one rule each, enforced on the server and shown the same way on the billing page.

let smtp: Awaited<ReturnType<typeof startMailServer>>;
beforeAll(async () => {
  smtp = await startMailServer();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

const onPlan = (studioId: string, plan: "SOLO" | "STUDIO" | "WORKSHOP") =>
  systemDb().studioSubscription.update({ where: { studioId }, data: { plan, status: "active" } });

describe("seats", () => {
  it("the billing page counts what the invite check counts: members plus pending invitations", async () => {
    const { studio, owner } = await makeStudio();
    await verifyEmailOf(owner);
    await onPlan(studio.id, "SOLO"); // 2 seats
    const caller = callerFor(owner);
    const seats = async () => (await caller.billing.overview({ studioId: studio.id })).usage.seats;
    expect(await seats()).toBe(1);

    const invited = await caller.team.invite({ studioId: studio.id, email: `seat-${uniqueSuffix()}@example.test`, role: "ASSISTANT" });
    expect(await seats()).toBe(2);
    const refused = caller.team.invite({ studioId: studio.id, email: `seat-${uniqueSuffix()}@example.test`, role: "ASSISTANT" });
    await expect(refused).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("2 team members and you have 2 (pending invitations count"),
    });

    await caller.team.revokeInvite({ studioId: studio.id, invitationId: invited.id });
    expect(await seats()).toBe(1);
    await expect(caller.team.invite({ studioId: studio.id, email: `seat-${uniqueSuffix()}@example.test`, role: "ASSISTANT" })).resolves.toBeTruthy();
    expect(await seats()).toBe(2);
  });
});

describe("planning horizon", () => {
  it("the planner plans only the order lines due within the plan's horizon, and says what waits", async () => {
    const world = await planningWorld();
    const { studio, caller, size6 } = world;
    const far = await caller.order.create({
      studioId: studio.id,
      order: { kind: "WHOLESALE", customerName: "Far away", notes: "", lines: [{ variantId: size6.variantId, quantity: 2, dueDate: dueIn(60) }] },
    });
    const farLine = (await systemDb().orderLine.findFirstOrThrow({ where: { orderId: far.id } })).id;
    const plannedLines = async () =>
      new Set((await systemDb().batchItem.findMany({ where: { studioId: studio.id }, select: { orderLineId: true } })).map((item) => item.orderLineId));

    await onPlan(studio.id, "SOLO"); // 4 weeks
    const solo = await planNow(caller, studio.id);
    expect(solo.after).toMatchObject({ status: "SUCCEEDED", message: expect.stringContaining("1 order line is due after") });
    expect(solo.after.message).toContain("beyond the Solo plan's 4-week planning horizon");
    const soloLines = await plannedLines();
    expect(soloLines.has(farLine)).toBe(false);
    expect(soloLines.size).toBe(2);

    await onPlan(studio.id, "STUDIO"); // 12 weeks
    const studioPlan = await planNow(caller, studio.id);
    expect(studioPlan.after.message).not.toContain("beyond");
    expect((await plannedLines()).has(farLine)).toBe(true);
  });

  it("a batch cannot be moved past the horizon", async () => {
    const world = await planningWorld();
    const { studio, caller } = world;
    await onPlan(studio.id, "SOLO");
    await planNow(caller, studio.id);
    const batch = (await caller.planning.currentPlan({ studioId: studio.id, ...wideRange() })).batches.find((b) => b.status === "PLANNED")!;
    // The planning tests plan at a fixed "now" (Monday 4 March 2030); six weeks and a day later is a Tuesday,
    // 09:00 UTC (11:00 in Paris in April): inside the studio's working hours, past the 4-week horizon.
    const farTuesday = paris(43, "10:00");
    const move = caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: batch.version, startAt: farTuesday });
    await expect(move).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("plans 4 weeks ahead") });

    await onPlan(studio.id, "WORKSHOP"); // 52 weeks: the same move is fine
    await expect(
      caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: batch.version, startAt: farTuesday }),
    ).resolves.toMatchObject({ id: batch.id });
  });
});
