import type { PrismaClient } from "~/generated/prisma/client";
import { logger } from "~/server/logger";

/** Ends every session of this account, on every device, at their next request (session.ts reads sessionVersion). */
export async function signOutEverywhere(db: PrismaClient, user: { id: string }) {
  await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
  logger.info("auth.sign_out_everywhere", { userId: user.id });
  return { ok: true };
}
