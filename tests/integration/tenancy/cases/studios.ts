import { systemDb } from "~/server/db";
import type { IsolationCase } from "../cases";


const studioRow = (id: string) => () => systemDb().studio.findUniqueOrThrow({ where: { id } });

export const studioCases: Record<string, IsolationCase> = {
  "studio.get": {
    arrange: async ({ a }) => ({ input: { studioId: a.studio.id }, recordInput: false, snapshot: studioRow(a.studio.id) }),
    call: (caller, input) => caller.studio.get(input),
  },
  "studio.update": {
    arrange: async ({ a }) => ({
      input: { studioId: a.studio.id, expectedVersion: 0, name: "Hijacked", timeZone: "UTC", workingHours: [] },
      recordInput: false,
      snapshot: studioRow(a.studio.id),
    }),
    call: (caller, input) => caller.studio.update(input),
  },
  "studio.setupProgress": {
    arrange: async ({ a }) => ({ input: { studioId: a.studio.id }, recordInput: false, snapshot: studioRow(a.studio.id) }),
    call: (caller, input) => caller.studio.setupProgress(input),
  },
  "studio.events": {
    arrange: async ({ a }) => ({ input: { studioId: a.studio.id, topics: [] }, recordInput: false, snapshot: studioRow(a.studio.id) }),
    call: (caller, input) => caller.studio.events(input),
  },
};
