"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card } from "~/components/ui/card";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import { HoursSaved } from "./hours-saved";

/** The current plan's "hours saved by batching", for the studio home. Renders nothing without a plan. */
export function PlanSavingsCard() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const clock = useStudioTime();
  const summary = useQuery(trpc.planning.summary.queryOptions({ studioId: studio.id }));
  if (!summary.data) return null;
  return (
    <Card title="Your current plan" description={`${summary.data.batchCount} ${summary.data.batchCount === 1 ? "batch" : "batches"} to work · planned ${clock.dateTime(summary.data.updatedAt)}`}
      actions={<Link href={`/s/${studio.slug}/plan`} className="text-sm font-medium text-brand-700 hover:underline">Open the board</Link>}>
      <HoursSaved figures={summary.data.figures} />
    </Card>
  );
}
