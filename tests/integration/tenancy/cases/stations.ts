import type { IsolationCase } from "../cases";
import { db, fixture, readCase } from "./catalog-fixture";

const stationRow = (id: string) => () => db().station.findUniqueOrThrow({ where: { id } });
const stationFields = { name: "Hijacked", kind: "OTHER", count: 1, unattended: false, loadCapacity: null, runSeconds: null };

export const stationCases: Record<string, IsolationCase> = {
  "stations.list": readCase(() => ({}), false, (c, i) => c.stations.list(i)),
  "stations.create": {
    arrange: async (cast) => ({ input: { studioId: cast.a.studio.id, station: stationFields }, recordInput: false, snapshot: () => db().station.count({ where: { studioId: cast.a.studio.id } }) }),
    call: (c, i) => c.stations.create(i),
  },
  "stations.update": {
    arrange: async (cast) => {
      const { station } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, id: station.id, expectedVersion: station.version, station: stationFields }, recordInput: true, snapshot: stationRow(station.id) };
    },
    call: (c, i) => c.stations.update(i),
  },
  "stations.setArchived": {
    arrange: async (cast) => {
      const { station } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, id: station.id, archived: true }, recordInput: true, snapshot: stationRow(station.id) };
    },
    call: (c, i) => c.stations.setArchived(i),
  },
};
