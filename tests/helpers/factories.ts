import { randomUUID } from "node:crypto";
import { hashPassword } from "~/features/auth/server/password";
import { createStudio } from "~/features/studios/server/create-studio";
import { DEFAULT_WORKING_HOURS } from "~/features/studios/working-hours";
import type { StudioRole } from "~/server/authz/permissions";
import { systemDb } from "~/server/db";

export const FACTORY_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export async function makeUser(overrides: { email?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  const suffix = uniqueSuffix();
  return systemDb().user.create({
    data: {
      email: overrides.email ?? `user-${suffix}@example.test`,
      name: overrides.name ?? `User ${suffix}`,
      passwordHash: await passwordHash,
    },
  });
}

export async function makeStudio(overrides: { name?: string; slug?: string } = {}) {
  const owner = await makeUser();
  const suffix = uniqueSuffix();
  const studio = await createStudio(systemDb(), owner.id, {
    name: overrides.name ?? `Studio ${suffix}`,
    slug: overrides.slug ?? `studio-${suffix}`,
    timeZone: "Europe/Paris",
    workingHours: DEFAULT_WORKING_HOURS,
  });
  return { studio, owner };
}

export async function addMember(studioId: string, role: StudioRole) {
  const user = await makeUser();
  await systemDb().membership.create({ data: { studioId, userId: user.id, role } });
  return user;
}

/** Two studios, each with an owner, an admin and an assistant: the cast of the isolation tests. */
export async function makeTwoStudios() {
  const a = await makeStudio();
  const b = await makeStudio();
  return {
    a: { ...a, admin: await addMember(a.studio.id, "ADMIN"), assistant: await addMember(a.studio.id, "ASSISTANT") },
    b: { ...b, admin: await addMember(b.studio.id, "ADMIN"), assistant: await addMember(b.studio.id, "ASSISTANT") },
  };
}
