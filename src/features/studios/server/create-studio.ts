import type { PrismaClient } from "~/generated/prisma/client";
import { trialSubscription } from "~/server/billing/subscription-state";
import { studioDefaults } from "../studio-defaults";
import type { CreateStudioInput } from "./schemas";
import { uniqueOr } from "~/server/errors";
import { DEFAULT_CATALOG_NAME } from "~/features/catalog/default-catalog";

/** A new tenant: the studio, its owner's membership and a first catalog, together or not at all. */
export async function createStudio(db: PrismaClient, owner: { id: string }, input: CreateStudioInput) {
  return uniqueOr(
    db.$transaction(async (tx) => {
      const studio = await tx.studio.create({
        data: { name: input.name, slug: input.slug, timeZone: input.timeZone, workingHours: input.workingHours, ...studioDefaults(input.timeZone, input.locale) },
        select: { id: true, slug: true, name: true },
      });
      await tx.membership.create({ data: { studioId: studio.id, userId: owner.id, role: "OWNER" } });
      // Designs live in catalogs: a studio starts with one, so its first design needs no detour.
      await tx.catalog.create({ data: { studioId: studio.id, name: DEFAULT_CATALOG_NAME } });
      // Every new studio starts on the trial of the middle plan (billing).
      await tx.studioSubscription.create({ data: { studioId: studio.id, ...trialSubscription(new Date()) } });
      return studio;
    }),
    `The address "${input.slug}" is taken. Choose another.`,
  );
}
