import { describe, expect, it } from "vitest";
import { DEFAULT_WORKING_HOURS } from "~/features/studios/working-hours";
import { systemDb } from "~/server/db";
import { callerFor, errorCode } from "../helpers/caller";
import { addMember, makeStudio, makeUser, uniqueSuffix } from "../helpers/factories";

const validStudio = () => ({
  name: "Silver Fern Studio",
  slug: `silver-fern-${uniqueSuffix()}`,
  timeZone: "America/New_York",
  workingHours: DEFAULT_WORKING_HOURS,
});

describe("studios", () => {
  it("creates a studio with its owner membership, and lists it among the user's studios", async () => {
    const user = await makeUser();
    const input = validStudio();
    const studio = await callerFor(user).studio.create(input);
    expect(studio.slug).toBe(input.slug);

    const mine = await callerFor(user).studio.listMine();
    expect(mine).toEqual([expect.objectContaining({ id: studio.id, slug: input.slug, role: "OWNER" })]);

    const detail = await callerFor(user).studio.get({ studioId: studio.id });
    expect(detail).toMatchObject({ name: input.name, timeZone: "America/New_York", role: "OWNER", memberCount: 1 });
    expect(detail.workingHours).toEqual(DEFAULT_WORKING_HOURS);
    expect(detail.permissions).toContain("billing:manage");
  });

  it("gives a new studio the money and units of its time zone, and lets an admin change them", async () => {
    const user = await makeUser();
    const caller = callerFor(user);
    const newYork = await caller.studio.create({ ...validStudio(), locale: "en-US" });
    expect(await caller.studio.get({ studioId: newYork.id })).toMatchObject({ currency: "USD", locale: "en-US", unitSystem: "IMPERIAL" });
    const berlin = await caller.studio.create({ ...validStudio(), timeZone: "Europe/Berlin", locale: "en-US" });
    const detail = await caller.studio.get({ studioId: berlin.id });
    expect(detail).toMatchObject({ currency: "EUR", locale: "de-DE", unitSystem: "METRIC" });

    const base = { studioId: berlin.id, expectedVersion: detail.version, name: detail.name, timeZone: detail.timeZone, workingHours: detail.workingHours };
    await expect(caller.studio.update({ ...base, currency: "EURO" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Choose a currency") });
    const saved = await caller.studio.update({ ...base, currency: "chf", locale: "de-CH", unitSystem: "IMPERIAL" });
    expect(saved).toMatchObject({ currency: "CHF", locale: "de-CH", unitSystem: "IMPERIAL" });
    // Leaving them out keeps them.
    expect(await caller.studio.update({ ...base, expectedVersion: saved.version, name: "Berlin Werkstatt" })).toMatchObject({ name: "Berlin Werkstatt", currency: "CHF" });
  });

  it("starts a studio with a catalog, and ticks the getting-started steps as they are done", async () => {
    const { studio, owner } = await makeStudio();
    const caller = callerFor(owner);
    expect((await caller.catalog.list({ studioId: studio.id })).map((c) => [c.name, c.own])).toEqual([["Main catalog", true]]);
    expect(await caller.studio.setupProgress({ studioId: studio.id })).toEqual({ stations: false, designs: false, orders: false, plan: false, team: false });
    await caller.stations.create({ studioId: studio.id, station: { name: "Bench", kind: "SOLDER_BENCH", count: 1, unattended: false, loadCapacity: null, runSeconds: null } });
    await addMember(studio.id, "ASSISTANT");
    expect(await caller.studio.setupProgress({ studioId: studio.id })).toEqual({ stations: true, designs: false, orders: false, plan: false, team: true });
  });

  it("lets a user belong to several studios with different roles", async () => {
    const { studio: first } = await makeStudio();
    const { studio: second } = await makeStudio();
    const user = await makeUser();
    await systemDb().membership.createMany({
      data: [
        { studioId: first.id, userId: user.id, role: "ASSISTANT" },
        { studioId: second.id, userId: user.id, role: "ADMIN" },
      ],
    });
    const mine = await callerFor(user).studio.listMine();
    expect(mine.map((s) => [s.id, s.role]).sort()).toEqual(
      [
        [first.id, "ASSISTANT"],
        [second.id, "ADMIN"],
      ].sort(),
    );
    const asAssistant = await callerFor(user).studio.get({ studioId: first.id });
    expect(asAssistant.permissions).not.toContain("studio:update");
  });

  it("rejects a taken slug with CONFLICT and creates nothing", async () => {
    const { studio } = await makeStudio();
    const user = await makeUser();
    expect(await errorCode(callerFor(user).studio.create({ ...validStudio(), slug: studio.slug }))).toBe("CONFLICT");
    expect(await systemDb().studio.findMany({ where: { slug: studio.slug }, select: { id: true } })).toEqual([{ id: studio.id }]);
    expect(await systemDb().membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it.each([
    ["a bad slug", { slug: "Not A Slug!" }, "slug"],
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, "Unknown time zone"],
    ["overlapping hours", { workingHours: [{ weekday: 1, start: "09:00", end: "12:00" }, { weekday: 1, start: "11:00", end: "15:00" }] }, "overlap"],
    ["an end before the start", { workingHours: [{ weekday: 2, start: "15:00", end: "09:00" }] }, "End must be after start"],
  ])("rejects %s with a clear 400 message", async (_label, override, fragment) => {
    const user = await makeUser();
    await expect(callerFor(user).studio.create({ ...validStudio(), ...override })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(fragment),
    });
  });

  it("updates settings with a version check: a stale write answers CONFLICT and changes nothing", async () => {
    const { studio, owner } = await makeStudio();
    const caller = callerFor(owner);
    const current = await caller.studio.get({ studioId: studio.id });
    const updated = await caller.studio.update({
      studioId: studio.id,
      expectedVersion: current.version,
      name: "Renamed Studio",
      timeZone: "Europe/Berlin",
      workingHours: [{ weekday: 6, start: "10:00", end: "14:00" }],
    });
    expect(updated).toMatchObject({ name: "Renamed Studio", timeZone: "Europe/Berlin", version: current.version + 1 });

    const stale = caller.studio.update({
      studioId: studio.id,
      expectedVersion: current.version,
      name: "Lost Update",
      timeZone: "Europe/Berlin",
      workingHours: [],
    });
    expect(await errorCode(stale)).toBe("CONFLICT");
    expect((await caller.studio.get({ studioId: studio.id })).name).toBe("Renamed Studio");
  });

  it("only lets admins and owners change settings", async () => {
    const { studio } = await makeStudio();
    const assistant = await addMember(studio.id, "ASSISTANT");
    const admin = await addMember(studio.id, "ADMIN");
    const input = { studioId: studio.id, expectedVersion: 0, name: "By Admin", timeZone: "UTC", workingHours: [] };
    expect(await errorCode(callerFor(assistant).studio.update(input))).toBe("FORBIDDEN");
    await expect(callerFor(admin).studio.update(input)).resolves.toMatchObject({ name: "By Admin" });
  });
});
