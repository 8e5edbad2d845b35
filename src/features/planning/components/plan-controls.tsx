"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { LIVE_FALLBACK_POLL_MS } from "~/features/studios/components/use-studio-live";
import { useTRPC } from "~/trpc/react";

/**
 * The Plan button, the progress of the running planner and its Cancel button. The worker announces each
 * step and the end of a run on the "run.status" topic, and the board's live feed refreshes these queries; a
 * slow poll covers a feed that dropped. Runs nobody here clicked for (a re-plan after scrap) show up too.
 */
export function PlanControls() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const canPlan = useCan("planning:run");
  const queryClient = useQueryClient();
  const latest = useQuery(trpc.planning.latestRuns.queryOptions({ studioId: studio.id }));
  const [runId, setRunId] = useState<string | null>(null);
  // The run this page follows: the one just asked for, or one that became active meanwhile (a re-plan after
  // scrap, another admin's run), until it finishes and its result is shown.
  const activeRun = latest.data?.active?.id ?? null;
  if (activeRun && activeRun !== runId) setRunId(activeRun);
  const activeId = activeRun ?? runId;
  const run = useQuery({
    ...trpc.planning.getRun.queryOptions({ studioId: studio.id, runId: activeId ?? "" }),
    enabled: !!activeId,
    refetchInterval: (query) => (query.state.data && ["QUEUED", "RUNNING"].includes(query.state.data.status) ? LIVE_FALLBACK_POLL_MS : false),
  });
  const request = useMutation(
    trpc.planning.requestPlan.mutationOptions({
      onSuccess: (r) => setRunId(r.id),
    }),
  );
  const cancel = useMutation(trpc.planning.cancelRun.mutationOptions({ onSuccess: () => run.refetch() }));
  const status = run.data?.status;
  const active = status === "QUEUED" || status === "RUNNING";

  useEffect(() => {
    if (status === "SUCCEEDED") void queryClient.invalidateQueries({ queryKey: trpc.planning.pathKey() });
  }, [status, queryClient, trpc]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        {canPlan && <Button onClick={() => request.mutate({ studioId: studio.id })} loading={request.isPending} disabled={active}>Plan</Button>}
        {active && canPlan && <Button variant="secondary" onClick={() => cancel.mutate({ studioId: studio.id, runId: activeId! })} loading={cancel.isPending}>Cancel</Button>}
        {run.data && (
          <div className="min-w-64 flex-1" aria-live="polite">
            {active && (
              <div className="h-2 overflow-hidden rounded bg-stone-200" role="progressbar" aria-valuenow={run.data.progress} aria-valuemin={0} aria-valuemax={100}>
                <div className="h-full bg-brand-600 transition-all" style={{ width: `${run.data.progress}%` }} />
              </div>
            )}
            <p className={`mt-1 text-sm ${status === "FAILED" ? "text-red-700" : "text-stone-600"}`}>{run.data.message}</p>
          </div>
        )}
      </div>
      {request.isError && <Alert>{request.error.message}</Alert>}
      {cancel.isError && <Alert>{cancel.error.message}</Alert>}
    </div>
  );
}
