import type { PrismaClient } from "~/generated/prisma/client";
import { systemDb } from "~/server/db";
import type { AppSession, SessionUser } from "~/server/session";
import type { StudioRole } from "./permissions";

// Membership lookups, one place: the studio pages' guard (by slug), the tRPC studio scope and the billing owner
// procedure (by studio id), and the caller's list of studios. Memberships are read from the database on every
// request: a removed member or a changed role takes effect at their next request.

/** The session's user (with its revocation) and their membership in the studio, in one round trip. */
export type MemberLookup = SessionUser & {
  revoked: boolean;
  membershipId: string | null;
  role: StudioRole | null;
  studioName: string;
  slug: string;
  timeZone: string;
};

/** For every studio request: who the session is and what they are in this studio (null when no such user). */
export async function findSessionMember(session: AppSession, studioId: string): Promise<MemberLookup | null> {
  const [row] = await systemDb().$queryRaw<MemberLookup[]>`
    SELECT u."id", u."email", u."name", u."sessionVersion",
           EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."sessionId" = ${session.sessionId ?? ""}) AS "revoked",
           m."id" AS "membershipId", m."role"::text AS "role", s."name" AS "studioName", s."slug", s."timeZone"
      FROM "User" u
      LEFT JOIN "Membership" m ON m."userId" = u."id" AND m."studioId" = ${studioId}
      LEFT JOIN "Studio" s ON s."id" = m."studioId"
     WHERE u."id" = ${session.userId}`;
  return row ?? null;
}

/** For the studio pages: the studio behind a slug, only if the user is a member. */
export async function findMembershipBySlug(db: PrismaClient, userId: string, slug: string) {
  return db.membership.findFirst({
    where: { userId, studio: { slug } },
    select: { role: true, studio: { select: { id: true, name: true, slug: true, timeZone: true, currency: true, locale: true, unitSystem: true } } },
  });
}

/** The studios a user belongs to, by name, with their role in each. */
export async function listMyStudios(db: PrismaClient, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { studio: { name: "asc" } },
    select: { role: true, studio: { select: { id: true, name: true, slug: true } } },
  });
  return memberships.map((membership) => ({ ...membership.studio, role: membership.role }));
}
