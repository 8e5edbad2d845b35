import type { makeTwoStudios } from "../../helpers/factories";
import type { callerFor } from "../../helpers/caller";

export type Cast = Awaited<ReturnType<typeof makeTwoStudios>>;
type Caller = ReturnType<typeof callerFor>;

type Input = Record<string, unknown> & { studioId: string };

/**
 * One entry per studio-scoped procedure. Every new procedure must be added here (the isolation test
 * fails otherwise). The role it requires is not written here: it is read from the procedure's `.meta`
 * permission and the one permission table. `arrange` creates whatever record the call targets in studio A
 * and returns:
 * - input: a valid input for A (its studioId is swapped for B's in the cross-tenant attempts),
 * - recordInput: true when the input names a record of A by id (B's owner must get NOT_FOUND for it),
 * - snapshot: reads A's data the call could change, to prove it unchanged after the denied attempts.
 * Procedures any member may call (assistant level) are also called once by A's assistant, which must
 * succeed: `succeed` arranges fresh rows for that call when the denial input cannot succeed (or would
 * change the shared fixture); by default the `arrange` input is used.
 */
export type IsolationCase = {
  arrange: (cast: Cast) => Promise<{ input: Input; recordInput: boolean; snapshot: () => Promise<unknown> }>;
  succeed?: (cast: Cast) => Promise<Input>;
  call: (caller: Caller, input: never) => Promise<unknown>;
};

import { benchCases } from "./cases/bench";
import { billingCases } from "./cases/billing";
import { catalogCases } from "./cases/catalog";
import { dashboardCases } from "./cases/dashboard";
import { materialCases } from "./cases/materials";
import { orderCases } from "./cases/orders";
import { peopleCases } from "./cases/people";
import { planningCases } from "./cases/planning";
import { stationCases } from "./cases/stations";
import { studioCases } from "./cases/studios";
import { teamCases } from "./cases/team";

/** Every feature adds its file under cases/ and spreads it here. */
export const ISOLATION_CASES: Record<string, IsolationCase> = {
  ...studioCases,
  ...teamCases,
  ...catalogCases,
  ...stationCases,
  ...materialCases,
  ...billingCases,
  ...benchCases,
  ...orderCases,
  ...planningCases,
  ...dashboardCases,
  ...peopleCases,
};
