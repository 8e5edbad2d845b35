import { describe, expect, it } from "vitest";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember, makeStudio } from "../../helpers/factories";

const bench = { name: "Solder bench", kind: "SOLDER_BENCH" as const, count: 2, unattended: false, loadCapacity: null, runSeconds: null };

describe("stations", () => {
  it("creates, lists and updates stations with a version check", async () => {
    const { studio, owner } = await makeStudio();
    const caller = callerFor(owner);
    const station = await caller.stations.create({ studioId: studio.id, station: bench });
    const tumbler = await caller.stations.create({
      studioId: studio.id,
      station: { name: "Tumbler", kind: "TUMBLER", count: 1, unattended: true, loadCapacity: 150, runSeconds: 3600 },
    });
    expect(tumbler).toMatchObject({ unattended: true, loadCapacity: 150, runSeconds: 3600 });

    const updated = await caller.stations.update({ studioId: studio.id, id: station.id, expectedVersion: 0, station: { ...bench, count: 3 } });
    expect(updated).toMatchObject({ count: 3, version: 1 });
    expect(await errorCode(caller.stations.update({ studioId: studio.id, id: station.id, expectedVersion: 0, station: bench }))).toBe("CONFLICT");
    expect(await errorCode(caller.stations.create({ studioId: studio.id, station: bench }))).toBe("CONFLICT");

    await caller.stations.setArchived({ studioId: studio.id, id: tumbler.id, archived: true });
    const list = await caller.stations.list({ studioId: studio.id });
    expect(list.map((s) => [s.name, s.archivedAt !== null])).toEqual([
      ["Solder bench", false],
      ["Tumbler", true],
    ]);
  });

  it("requires load capacity and run time for unattended stations, with a field message", async () => {
    const { studio, owner } = await makeStudio();
    await expect(
      callerFor(owner).stations.create({ studioId: studio.id, station: { ...bench, name: "Pickle", unattended: true } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("need a load capacity") });
  });

  it("lets an assistant read stations but not change them", async () => {
    const { studio, owner } = await makeStudio();
    const assistant = await addMember(studio.id, "ASSISTANT");
    await callerFor(owner).stations.create({ studioId: studio.id, station: bench });
    expect(await callerFor(assistant).stations.list({ studioId: studio.id })).toHaveLength(1);
    expect(await errorCode(callerFor(assistant).stations.create({ studioId: studio.id, station: { ...bench, name: "x" } }))).toBe("FORBIDDEN");
  });
});
