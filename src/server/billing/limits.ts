// Plan limits asked by other modules. Until billing lands, generous defaults; then this reads the
// studio's plan. Keep the signatures: callers already await them inside their transaction.

/** People a studio may have: members plus pending (unexpired, unaccepted) invitations. */
export const DEFAULT_SEAT_LIMIT = 25;

export async function seatLimit(_studioId: string): Promise<number> {
  return DEFAULT_SEAT_LIMIT;
}
