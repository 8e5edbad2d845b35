import { describe, expect, it } from "vitest";
import { runNextPlanJob } from "~/features/planning/server/plan-job";
import { systemDb } from "~/server/db";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember, makeStudio } from "../../helpers/factories";
import { planningWorld } from "../planning/fixtures";

// A fixed planning "now" (Monday 2031-03-03, 07:00 in Paris): the test does not depend on today's date.
const NOW = new Date("2031-03-03T06:00:00Z");
const local = (date: Date) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", weekday: "short", hour: "2-digit", minute: "2-digit", year: "numeric", month: "2-digit", day: "2-digit", hourCycle: "h23" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, weekday: parts.weekday!, time: `${parts.hour}:${parts.minute}` };
};

describe("people's own hours, skills and days off", () => {
  it("saves hours and skills with a version check and an audit line; refuses another studio's station", async () => {
    const { studio, owner } = await makeStudio();
    const assistant = await addMember(studio.id, "ASSISTANT");
    const caller = callerFor(owner);
    const bench = await caller.stations.create({ studioId: studio.id, station: { name: "Bench", kind: "SOLDER_BENCH", count: 1, unattended: false, loadCapacity: null, runSeconds: null } });
    const other = await makeStudio();
    const foreign = await callerFor(other.owner).stations.create({ studioId: other.studio.id, station: { name: "Theirs", kind: "OTHER", count: 1, unattended: false, loadCapacity: null, runSeconds: null } });
    const member = (await caller.team.list({ studioId: studio.id })).find((m) => m.user.id === assistant.id)!;
    expect(member.availability).toEqual({ workingHours: null, skillsLimited: false, stationIds: [], timeOff: [] });

    const hours = [{ weekday: 2, start: "13:00", end: "15:00" }];
    await caller.team.updateAvailability({ studioId: studio.id, membershipId: member.id, expectedVersion: member.version, workingHours: hours, skills: { limited: true, stationIds: [bench.id] } });
    expect(
      await errorCode(caller.team.updateAvailability({ studioId: studio.id, membershipId: member.id, expectedVersion: member.version, workingHours: null, skills: { limited: false, stationIds: [] } })),
    ).toBe("CONFLICT");
    expect(
      await errorCode(caller.team.updateAvailability({ studioId: studio.id, membershipId: member.id, expectedVersion: member.version + 1, workingHours: null, skills: { limited: true, stationIds: [foreign.id] } })),
    ).toBe("NOT_FOUND");
    const saved = (await caller.team.list({ studioId: studio.id })).find((m) => m.id === member.id)!;
    expect(saved.availability).toMatchObject({ workingHours: hours, skillsLimited: true, stationIds: [bench.id] });
    const audit = await systemDb().auditEvent.findMany({ where: { studioId: studio.id, entityId: member.id } });
    expect(audit.map((a) => a.summary)).toEqual([`${assistant.name}: hours studio hours → 2 h/week (Tue); stations every station → Bench`]);

    // Overlapping intervals on a day are refused with a sentence, not a schema dump.
    await expect(
      caller.team.updateAvailability({
        studioId: studio.id, membershipId: member.id, expectedVersion: saved.version, skills: { limited: false, stationIds: [] },
        workingHours: [{ weekday: 1, start: "09:00", end: "12:00" }, { weekday: 1, start: "11:00", end: "13:00" }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Monday: working hours overlap") });
  });

  it("keeps days off and studio holidays; a range must run forwards", async () => {
    const { studio, owner } = await makeStudio();
    const caller = callerFor(owner);
    const [me] = await caller.team.list({ studioId: studio.id });
    const off = await caller.team.addTimeOff({ studioId: studio.id, membershipId: me!.id, range: { firstDay: "2031-03-04", lastDay: "2031-03-05" }, note: "Dentist" });
    expect((await caller.team.list({ studioId: studio.id }))[0]!.availability.timeOff).toEqual([{ id: off.id, firstDay: "2031-03-04", lastDay: "2031-03-05", note: "Dentist" }]);
    await expect(caller.team.addTimeOff({ studioId: studio.id, membershipId: me!.id, range: { firstDay: "2031-03-05", lastDay: "2031-03-04" }, note: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("The last day must be on or after the first day"),
    });
    await caller.team.removeTimeOff({ studioId: studio.id, timeOffId: off.id });
    expect(await errorCode(caller.team.removeTimeOff({ studioId: studio.id, timeOffId: off.id }))).toBe("NOT_FOUND");

    const holiday = await caller.studio.addHoliday({ studioId: studio.id, range: { firstDay: "2031-12-24", lastDay: "2031-12-26" }, name: "Christmas" });
    expect(await caller.studio.holidays({ studioId: studio.id })).toEqual([{ id: holiday.id, name: "Christmas", firstDay: "2031-12-24", lastDay: "2031-12-26" }]);
    await caller.studio.removeHoliday({ studioId: studio.id, holidayId: holiday.id });
    expect(await caller.studio.holidays({ studioId: studio.id })).toEqual([]);
  });

  it("plans each person only inside their own hours, at their own stations, and not on days off or holidays", async () => {
    const world = await planningWorld({ size6: 30, size9: 20 }, NOW);
    const { studio, caller, db, catalog } = world;
    const assistant = await addMember(studio.id, "ASSISTANT");
    const members = await caller.team.list({ studioId: studio.id });
    const mine = members.find((m) => m.user.id === assistant.id)!;
    const owner = members.find((m) => m.role === "OWNER")!;
    // The assistant solders on Tuesday and Thursday afternoons only; the owner runs the tumbler only.
    await caller.team.updateAvailability({
      studioId: studio.id, membershipId: mine.id, expectedVersion: mine.version,
      workingHours: [{ weekday: 2, start: "13:00", end: "15:00" }, { weekday: 4, start: "13:00", end: "15:00" }],
      skills: { limited: true, stationIds: [catalog.station.id] },
    });
    await caller.team.updateAvailability({ studioId: studio.id, membershipId: owner.id, expectedVersion: owner.version, workingHours: null, skills: { limited: true, stationIds: [catalog.tumbler.id] } });
    await caller.team.addTimeOff({ studioId: studio.id, membershipId: mine.id, range: { firstDay: "2031-03-04", lastDay: "2031-03-04" }, note: "" });
    await caller.studio.addHoliday({ studioId: studio.id, range: { firstDay: "2031-03-06", lastDay: "2031-03-06" }, name: "Studio closed" });

    await caller.planning.requestPlan({ studioId: studio.id });
    expect(await runNextPlanJob({ timeLimitMs: 100, now: NOW, studioId: studio.id })).toMatchObject({ status: "SUCCEEDED" });
    const batches = await db.batch.findMany({ where: { studioId: studio.id }, orderBy: { startAt: "asc" } });
    const solder = batches.filter((b) => b.stationId === catalog.station.id);
    const tumble = batches.filter((b) => b.stationId === catalog.tumbler.id);
    expect(solder.length).toBeGreaterThan(0);
    expect(tumble.length).toBeGreaterThan(0);
    expect(solder.every((b) => b.personId === assistant.id)).toBe(true);
    expect(tumble.every((b) => b.personId === world.owner.id)).toBe(true);
    for (const b of solder) {
      const [start, end] = [local(b.startAt), local(b.endAt)];
      expect(["Tue", "Thu"]).toContain(start.weekday);
      expect(["Tue", "Thu"]).toContain(end.weekday);
      expect(start.time >= "13:00" && start.time < "15:00").toBe(true);
      expect(end.time > "13:00" && end.time <= "15:00").toBe(true);
      // Not on the assistant's day off (Tue 4 March) nor the studio holiday (Thu 6 March).
      expect([start.day, end.day]).not.toContain("2031-03-04");
      expect([start.day, end.day]).not.toContain("2031-03-06");
    }
    for (const b of tumble) expect(local(b.startAt).day).not.toBe("2031-03-06");
  });

  it("refuses to plan when a needed station has nobody who can work it, saying which", async () => {
    const world = await planningWorld(undefined, NOW);
    const { studio, caller, catalog } = world;
    const [owner] = await caller.team.list({ studioId: studio.id });
    await caller.team.updateAvailability({ studioId: studio.id, membershipId: owner!.id, expectedVersion: owner!.version, workingHours: null, skills: { limited: true, stationIds: [catalog.station.id] } });
    const run = await caller.planning.requestPlan({ studioId: studio.id });
    expect(await runNextPlanJob({ timeLimitMs: 50, now: NOW, studioId: studio.id })).toMatchObject({ status: "FAILED" });
    const after = await caller.planning.getRun({ studioId: studio.id, runId: run.id });
    expect(after.message).toBe(`Nobody can work at "${catalog.tumbler.name}". On the Team page, let someone work at that station, then plan again.`);
  });
});
