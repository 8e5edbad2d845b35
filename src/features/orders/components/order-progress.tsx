"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Card } from "~/components/ui/card";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioLive } from "~/features/studios/components/use-studio-live";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";

export const FLAG_LABELS: Record<string, { label: string; tone: string }> = {
  late: { label: "Late", tone: "bg-red-100 text-red-800" },
  "at-risk": { label: "At risk", tone: "bg-amber-100 text-amber-900" },
  "not-planned": { label: "Not planned", tone: "bg-stone-100 text-stone-700" },
  "on-track": { label: "On track", tone: "bg-emerald-50 text-emerald-800" },
  done: { label: "Done", tone: "bg-emerald-100 text-emerald-900" },
};

export function FlagBadge({ flag }: { flag: string }) {
  const f = FLAG_LABELS[flag] ?? FLAG_LABELS["not-planned"]!;
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${f.tone}`} data-testid="line-flag">{f.label}</span>;
}

/**
 * Where each line of an order stands, live: pieces done, scrapped and in batches at every step, when the
 * plan finishes it (flagged late or at risk), and the remakes of scrapped pieces — where they were lost, why,
 * who reported it, and where they are on the plan.
 */
export function OrderProgress({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const progress = useQuery(trpc.order.progress.queryOptions({ studioId: studio.id, id: orderId }));
  const clock = useStudioTime();
  useStudioLive(["order.", "plan.", "bench."], [trpc.order.progress.queryKey(), trpc.order.get.queryKey()]);
  if (progress.isPending) return <div className="h-24 animate-pulse rounded-xl bg-stone-100" aria-hidden />;
  if (progress.isError) return <Alert>{progress.error.message}</Alert>;
  return (
    <Card title="Progress" description="Pieces at each step, updated as the bench reports.">
      <div className="space-y-5" data-testid="order-progress">
        {progress.data.lines.map((line, index) => (
          <section key={line.orderLineId} aria-label={`Line ${index + 1} progress`} className="space-y-2">
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="font-medium">Line {index + 1}: {line.finished} of {line.quantity} finished</span>
              <span className="flex items-center gap-2">
                {line.plannedFinish && line.flag !== "done" && <span className="text-stone-600">planned to finish {clock.dateTime(line.plannedFinish)}</span>}
                <FlagBadge flag={line.flag} />
              </span>
            </div>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[22rem] text-left text-sm">
                <thead className="text-xs text-stone-500">
                  <tr><th className="py-1 pr-2 font-medium">Step</th><th className="py-1 pr-2 font-medium">Done</th><th className="py-1 pr-2 font-medium">Scrapped</th><th className="py-1 font-medium">In batches</th></tr>
                </thead>
                <tbody>
                  {line.steps.map((step) => (
                    <tr key={step.position} className="border-t border-stone-100">
                      <td className="py-1 pr-2">{step.position + 1}. {step.name}</td>
                      <td className="py-1 pr-2">
                        <span className="inline-flex items-center gap-2 tabular-nums">
                          <span className="inline-block h-1.5 w-16 overflow-hidden rounded bg-stone-200" aria-hidden>
                            <span className="block h-full bg-emerald-500" style={{ width: `${Math.min(100, (100 * step.done) / Math.max(1, line.quantity))}%` }} />
                          </span>
                          {step.done}
                        </span>
                      </td>
                      <td className={`py-1 pr-2 tabular-nums ${step.scrapped ? "font-medium text-red-700" : "text-stone-500"}`}>{step.scrapped}</td>
                      <td className="py-1 tabular-nums text-stone-700">{step.inBatches}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {line.unplanned > 0 && line.flag !== "done" && (
              <p className="text-sm text-amber-800">{line.unplanned} {line.unplanned === 1 ? "piece is" : "pieces are"} not on the plan yet: plan again to schedule {line.unplanned === 1 ? "it" : "them"}.</p>
            )}
            {line.remakes.length > 0 && (
              <ul className="space-y-1 text-sm" aria-label="Remakes">
                {line.remakes.map((remake) => (
                  <li key={remake.id} className="rounded-lg bg-rose-50 px-3 py-2 text-rose-900" data-testid="remake">
                    ↻ {remake.pieces} {remake.pieces === 1 ? "piece" : "pieces"} to remake — scrapped at {remake.stepName} ({remake.reason}), reported by {remake.reportedBy}, {clock.dateTime(remake.createdAt)}.{" "}
                    {remake.planned.length > 0
                      ? `Planned: ${remake.planned.map((p) => `${p.stepName} ${clock.dateTime(p.startAt)}${p.status === "DONE" ? " ✓" : ""}`).join(" → ")}.`
                      : "Waiting for the next plan."}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </Card>
  );
}
