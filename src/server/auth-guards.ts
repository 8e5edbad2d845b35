import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getAppSession, type AppSession } from "~/server/auth";
import { findMembershipBySlug } from "~/server/authz/membership";
import { systemDb } from "~/server/db";

/** For server pages: the session, or a redirect to sign-in. Authorization still happens in procedures. */
export async function requireSession(callbackUrl: string): Promise<AppSession> {
  const session = await getAppSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return session;
}

/**
 * The studio behind /s/<slug> if the signed-in user is a member; 404 otherwise. Once per request: the studio
 * layout and its page share the answer.
 */
export const requireStudioMembership = cache(async (slug: string) => {
  const session = await requireSession(`/s/${slug}`);
  const membership = await findMembershipBySlug(systemDb(), session.userId, slug);
  if (!membership) notFound();
  return { session, studio: membership.studio, role: membership.role };
});
