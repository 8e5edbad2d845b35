"use client";

import { YourBench } from "~/features/bench/components/your-bench";
import { PlanSavingsCard } from "~/features/planning/components/plan-savings-card";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { StudioHome } from "~/features/studios/components/studio-home";
import { useStudioLive } from "~/features/studios/components/use-studio-live";
import { useTRPC } from "~/trpc/react";

// The studio home: the studio's overview with the person's bench and the current plan's savings. Composed here,
// in the route, so the studios, bench and planning features do not import each other.
export default function StudioHomePage() {
  const trpc = useTRPC();
  const { id: studioId } = useCurrentStudio();
  // One live feed for the whole home: settings changes, bench events and re-plans.
  useStudioLive(
    ["studio.", "bench.", "plan."],
    [trpc.studio.get.queryKey({ studioId }), trpc.bench.mine.queryKey({ studioId }), trpc.bench.queue.queryKey({ studioId }), trpc.planning.summary.queryKey({ studioId })],
  );
  return <StudioHome bench={<YourBench />} plan={<PlanSavingsCard />} />;
}
