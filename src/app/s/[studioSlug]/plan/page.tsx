import { boardRange, BOARD_VIEW_DAYS, DEFAULT_BOARD_VIEW } from "~/features/planning/board-range";
import { PlanBoard } from "~/features/planning/components/plan-board";
import { requireStudioMembership } from "~/server/auth-guards";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata = { title: "Plan" };

export default async function PlanPage({ params }: { params: Promise<{ studioSlug: string }> }) {
  const { studio } = await requireStudioMembership((await params).studioSlug);
  const start = trpc.planning.boardStart.queryOptions({ studioId: studio.id });
  await prefetch(start, trpc.planning.latestRuns.queryOptions({ studioId: studio.id }));
  // The board opens on the first day with work: the week the board asks for first.
  const opening = getQueryClient().getQueryData(start.queryKey);
  if (opening) {
    const range = boardRange(opening.timeZone, opening.firstDay, BOARD_VIEW_DAYS[DEFAULT_BOARD_VIEW]);
    await prefetch(trpc.planning.currentPlan.queryOptions({ studioId: studio.id, ...range }));
  }
  return (
    <HydrateClient>
      <PlanBoard />
    </HydrateClient>
  );
}
