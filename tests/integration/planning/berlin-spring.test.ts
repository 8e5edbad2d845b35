import { describe, expect, it } from "vitest";
import { runNextPlanJob } from "~/features/planning/server/plan-job";
import { studioDayRange } from "~/server/time-zone";
import { planningWorld } from "./fixtures";

// "Done when": a studio in Berlin planning the week of the spring clock change (Sunday 28 March 2027, 02:00
// CET -> 03:00 CEST) sees every batch inside its working hours, Monday to Friday 09:00–17:00, before and after
// the change. With one UTC offset for the whole horizon, everything after the change landed at 10:00–18:00.

const wall = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", day: "2-digit", month: "2-digit" });
const read = (at: Date) => {
  const parts = Object.fromEntries(wall.formatToParts(at).map((p) => [p.type, p.value]));
  return { label: `${parts.weekday} ${parts.day}/${parts.month} ${parts.hour}:${parts.minute}`, weekday: parts.weekday!, minutes: Number(parts.hour) * 60 + Number(parts.minute), day: `${parts.month}-${parts.day}` };
};

describe("a Berlin studio planned across the spring clock change", () => {
  it("has every batch on the board inside 09:00–17:00 local, before and after the change", async () => {
    const plannedAt = new Date("2027-03-24T07:00:00Z");
    const world = await planningWorld({ size6: 160, size9: 140 }, plannedAt);
    const { studio, caller, db } = world;
    await db.studio.update({ where: { id: studio.id }, data: { timeZone: "Europe/Berlin" } });
    await caller.planning.requestPlan({ studioId: studio.id });
    // Planned on Wednesday 24 March 2027 at 08:00 CET.
    const outcome = await runNextPlanJob({ timeLimitMs: 100, now: plannedAt, studioId: studio.id });
    expect(outcome?.status).toBe("SUCCEEDED");

    const [from, to] = studioDayRange("Europe/Berlin", "2027-03-22", "2027-04-11");
    const board = await caller.planning.currentPlan({ studioId: studio.id, from, to });
    const outside: string[] = [];
    for (const batch of board.batches) {
      const start = read(batch.startAt);
      const end = read(batch.endAt);
      const workday = (t: typeof start) => !["Sat", "Sun"].includes(t.weekday);
      if (!workday(start) || start.minutes < 9 * 60 || start.minutes >= 17 * 60) outside.push(`${batch.stepName} starts ${start.label}`);
      if (!workday(end) || end.minutes <= 9 * 60 || end.minutes > 17 * 60) outside.push(`${batch.stepName} ends ${end.label}`);
    }
    expect(outside).toEqual([]);
    const days = new Set(board.batches.map((b) => read(b.startAt).day));
    // Work on both sides of the change: the week before (from Wednesday) and the week after.
    expect([...days].some((d) => d < "03-28")).toBe(true);
    expect([...days].filter((d) => d > "03-28").length).toBeGreaterThanOrEqual(3);
    // Friday's last work ends at 17:00 CET (16:00 UTC) at the latest, the next Friday's at 17:00 CEST (15:00 UTC).
    const lastEnd = (day: string) => Math.max(...board.batches.filter((b) => read(b.endAt).day === day).map((b) => b.endAt.getTime()));
    expect(lastEnd("03-26")).toBeLessThanOrEqual(Date.parse("2027-03-26T16:00:00Z"));
    expect(lastEnd("04-02")).toBeLessThanOrEqual(Date.parse("2027-04-02T15:00:00Z"));
  });
});
