import { systemDb } from "~/server/db";

/** Puts a test studio on the largest plan so seat limits do not interfere with what a test checks. */
export async function roomyPlan(studioId: string): Promise<void> {
  await systemDb().studioSubscription.updateMany({ where: { studioId }, data: { plan: "WORKSHOP" } });
}
