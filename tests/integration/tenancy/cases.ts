import type { StudioRole } from "~/server/authz/permissions";
import type { makeTwoStudios } from "../../helpers/factories";
import type { callerFor } from "../../helpers/caller";

export type Cast = Awaited<ReturnType<typeof makeTwoStudios>>;
type Caller = ReturnType<typeof callerFor>;

/**
 * One entry per studio-scoped procedure. Every new procedure must be added here (the isolation test
 * fails otherwise). `arrange` creates whatever record the call targets in studio A and returns:
 * - input: a valid input for A (its studioId is swapped for B's in the cross-tenant attempts),
 * - recordInput: true when the input names a record of A by id (B's owner must get NOT_FOUND for it),
 * - snapshot: reads A's data the call could change, to prove it unchanged after the denied attempts.
 */
export type IsolationCase = {
  minRole: StudioRole;
  arrange: (cast: Cast) => Promise<{
    input: Record<string, unknown> & { studioId: string };
    recordInput: boolean;
    snapshot: () => Promise<unknown>;
  }>;
  call: (caller: Caller, input: never) => Promise<unknown>;
};

import { benchCases } from "./cases/bench";
import { billingCases } from "./cases/billing";
import { catalogCases } from "./cases/catalog";
import { dashboardCases } from "./cases/dashboard";
import { catalogCsvCases } from "./cases/catalog-csv";
import { orderCases } from "./cases/orders";
import { peopleCases } from "./cases/people";
import { planningCases } from "./cases/planning";
import { studioCases } from "./cases/studios";
import { teamCases } from "./cases/team";

/** Every feature adds its file under cases/ and spreads it here. */
export const ISOLATION_CASES: Record<string, IsolationCase> = {
  ...studioCases,
  ...teamCases,
  ...catalogCases,
  ...catalogCsvCases,
  ...billingCases,
  ...benchCases,
  ...orderCases,
  ...planningCases,
  ...dashboardCases,
  ...peopleCases,
};
