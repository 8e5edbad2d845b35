import { systemDb } from "~/server/db";
import type { Cast, IsolationCase } from "../cases";

// People's hours, skills and days off, and the studio's holidays.

const availabilityOf = (studioId: string) => async () => ({
  members: await systemDb().membership.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  skills: await systemDb().memberSkill.findMany({ where: { studioId }, orderBy: { stationId: "asc" } }),
  timeOff: await systemDb().memberTimeOff.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  holidays: await systemDb().studioHoliday.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
});

const assistantMembership = (cast: Cast) =>
  systemDb().membership.findUniqueOrThrow({ where: { studioId_userId: { studioId: cast.a.studio.id, userId: cast.a.assistant.id } } });

const range = { firstDay: "2031-05-01", lastDay: "2031-05-02" };

export const peopleCases: Record<string, IsolationCase> = {
  "team.updateAvailability": {
    arrange: async (cast) => {
      const member = await assistantMembership(cast);
      return {
        input: { studioId: cast.a.studio.id, membershipId: member.id, expectedVersion: member.version, workingHours: [{ weekday: 1, start: "10:00", end: "11:00" }], skills: { limited: true, stationIds: [] } },
        recordInput: true,
        snapshot: availabilityOf(cast.a.studio.id),
      };
    },
    call: (caller, input) => caller.team.updateAvailability(input),
  },
  "team.addTimeOff": {
    arrange: async (cast) => {
      const member = await assistantMembership(cast);
      return { input: { studioId: cast.a.studio.id, membershipId: member.id, range, note: "Hijack" }, recordInput: true, snapshot: availabilityOf(cast.a.studio.id) };
    },
    call: (caller, input) => caller.team.addTimeOff(input),
  },
  "team.removeTimeOff": {
    arrange: async (cast) => {
      const member = await assistantMembership(cast);
      const row = await systemDb().memberTimeOff.create({
        data: { studioId: cast.a.studio.id, membershipId: member.id, firstDay: new Date("2031-05-01"), lastDay: new Date("2031-05-01") },
      });
      return { input: { studioId: cast.a.studio.id, timeOffId: row.id }, recordInput: true, snapshot: availabilityOf(cast.a.studio.id) };
    },
    call: (caller, input) => caller.team.removeTimeOff(input),
  },
  "studio.holidays": {
    arrange: async (cast) => ({ input: { studioId: cast.a.studio.id }, recordInput: false, snapshot: availabilityOf(cast.a.studio.id) }),
    call: (caller, input) => caller.studio.holidays(input),
  },
  "studio.addHoliday": {
    arrange: async (cast) => ({ input: { studioId: cast.a.studio.id, range, name: "Hijack" }, recordInput: false, snapshot: availabilityOf(cast.a.studio.id) }),
    call: (caller, input) => caller.studio.addHoliday(input),
  },
  "studio.removeHoliday": {
    arrange: async (cast) => {
      const row = await systemDb().studioHoliday.create({ data: { studioId: cast.a.studio.id, name: "May Day", firstDay: new Date("2031-05-01"), lastDay: new Date("2031-05-01") } });
      return { input: { studioId: cast.a.studio.id, holidayId: row.id }, recordInput: true, snapshot: availabilityOf(cast.a.studio.id) };
    },
    call: (caller, input) => caller.studio.removeHoliday(input),
  },
};
