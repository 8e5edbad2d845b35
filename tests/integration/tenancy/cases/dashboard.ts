import { systemDb } from "~/server/db";
import type { Cast, IsolationCase } from "../cases";

// Read-only procedures: the snapshot proves the denied calls left A's bench and order data alone.
const dashboardState = (studioId: string) => async () => ({
  events: await systemDb().benchEvent.count({ where: { studioId } }),
  lines: await systemDb().orderLine.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  materials: await systemDb().material.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
});

function dashboardCase(call: IsolationCase["call"]): IsolationCase {
  return {
    arrange: async (cast: Cast) => ({
      input: { studioId: cast.a.studio.id, from: "2026-11-01", to: "2026-11-30" },
      recordInput: false,
      snapshot: dashboardState(cast.a.studio.id),
    }),
    call,
  };
}

export const dashboardCases: Record<string, IsolationCase> = {
  "dashboard.production": dashboardCase((c, i) => c.dashboard.production(i)),
  "dashboard.delivery": dashboardCase((c, i) => c.dashboard.delivery(i)),
};
