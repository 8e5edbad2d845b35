import { resolveRange } from "~/features/dashboard/schemas";
import { StudioDashboard } from "~/features/dashboard/components/studio-dashboard";
import { requireStudioMembership } from "~/server/auth-guards";
import { can } from "~/server/authz/permissions";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: { params: Promise<{ studioSlug: string }> }) {
  const { studio, role } = await requireStudioMembership((await params).studioSlug);
  // The range the dashboard opens on (the last 30 studio days), fixed here so the browser asks for the same one.
  const range = resolveRange({}, studio.timeZone);
  if (can(role, "dashboard:read")) {
    const input = { studioId: studio.id, ...range };
    await prefetch(trpc.dashboard.production.queryOptions(input), trpc.dashboard.delivery.queryOptions(input));
  }
  return (
    <HydrateClient>
      <StudioDashboard initialRange={range} />
    </HydrateClient>
  );
}
