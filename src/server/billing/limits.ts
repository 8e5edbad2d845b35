import { systemDb } from "~/server/db";
import { assertPlanActive } from "./plan-limits";
import { PLANS } from "./plans";

// Plan limits asked by other modules. Until billing lands, generous defaults; then this reads the
// studio's plan. Keep the signatures: callers already await them inside their transaction.

/** People a studio may have: members plus pending (unexpired, unaccepted) invitations. */
export const DEFAULT_SEAT_LIMIT = 25;

/**
 * The studio's plan seat limit (billing: src/server/billing/plans.ts). A read-only studio (canceled, trial
 * over, past due beyond the grace period) gets PAYMENT_REQUIRED here: no new seats until billing is fixed.
 */
export async function seatLimit(studioId: string): Promise<number> {
  const state = await assertPlanActive({ db: systemDb(), studio: { id: studioId } });
  return PLANS[state.plan].limits.seats ?? DEFAULT_SEAT_LIMIT;
}
