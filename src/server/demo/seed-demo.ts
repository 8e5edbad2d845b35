import { hashPassword } from "~/features/auth/server/password";
import { DEFAULT_WORKING_HOURS } from "~/features/studios/working-hours";
import type { PrismaClient } from "~/generated/prisma/client";
import { trialSubscription } from "~/server/billing/subscription-state";
import { runNextPlanJob } from "~/features/planning/server/plan-job";
import { logger } from "~/server/logger";
import { seedDemoContent } from "./seed-demo-content";
import { studioDefaults } from "~/features/studios/studio-defaults";

export const DEMO_LOGIN = { email: "demo@benchflow.local", password: "benchflow-demo" } as const;
export const DEMO_ASSISTANT = { email: "assistant@benchflow.local", password: "benchflow-demo" } as const;
export const DEMO_STUDIO_SLUG = "demo-studio";

/** A demo studio with an owner and an assistant. Idempotent: does nothing when the demo owner exists. */
export async function seedDemo(db: PrismaClient): Promise<{ created: boolean }> {
  if (await db.user.findUnique({ where: { email: DEMO_LOGIN.email } })) return { created: false };
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  const { owner, studioId } = await db.$transaction(async (tx) => {
    const owner = await tx.user.create({ data: { email: DEMO_LOGIN.email, name: "Rosa Demo", passwordHash, emailVerifiedAt: new Date() } });
    const assistant = await tx.user.create({ data: { email: DEMO_ASSISTANT.email, name: "Theo Assistant", passwordHash, emailVerifiedAt: new Date() } });
    const studio = await tx.studio.create({
      data: {
        name: "Demo Studio",
        slug: DEMO_STUDIO_SLUG,
        timeZone: "Europe/London",
        ...studioDefaults("Europe/London"),
        workingHours: [...DEFAULT_WORKING_HOURS, { weekday: 6, start: "10:00", end: "14:00" }],
      },
    });
    await tx.membership.createMany({
      data: [
        { studioId: studio.id, userId: owner.id, role: "OWNER" },
        { studioId: studio.id, userId: assistant.id, role: "ASSISTANT" },
      ],
    });
    await tx.studioSubscription.create({ data: { studioId: studio.id, ...trialSubscription(new Date()) } });
    return { owner, studioId: studio.id };
  });
  try {
    await seedDemoContent(owner, studioId, () => runNextPlanJob({ studioId }));
  } catch (error) {
    // The accounts and studio exist; a content failure must not stop the dev server, but must be visible.
    logger.error("demo.content_failed", { message: (error as Error).message });
  }
  return { created: true };
}
