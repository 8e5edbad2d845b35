"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import type { PlanFigures } from "../server/save";
import { PIN_REASONS, PinIcon } from "./timeline";

type Pin = { id: string; stepName: string; startAt: Date; pinReason: string | null; pinnedBy: string | null };

/** Which batches the next plan keeps where they are, why, and "Unpin all". */
export function PinnedNotice({ pins }: { pins: Pin[] }) {
  const trpc = useTRPC();
  const clock = useStudioTime();
  const studio = useCurrentStudio();
  const canEdit = useCan("planning:run");
  const queryClient = useQueryClient();
  const unpin = useMutation(trpc.planning.unpinAll.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.planning.pathKey() }) }));
  if (pins.length === 0) {
    return unpin.data ? <Alert tone="info">Unpinned {unpin.data.unpinned}. Plan again to use the freed hours.</Alert> : null;
  }
  return (
    <section className="rounded-xl border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950" aria-label="Pinned batches" data-testid="pinned-notice">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p>
          <strong><PinIcon /> {pins.length} pinned {pins.length === 1 ? "batch" : "batches"}</strong> — the next plan keeps {pins.length === 1 ? "it" : "them"} where {pins.length === 1 ? "it is" : "they are"} and plans everything else around {pins.length === 1 ? "it" : "them"}.
        </p>
        {canEdit && (
          <Button variant="secondary" loading={unpin.isPending} onClick={() => unpin.mutate({ studioId: studio.id })}>Unpin all</Button>
        )}
      </div>
      <ul className="mt-1 space-y-0.5">
        {pins.slice(0, 6).map((pin) => (
          <li key={pin.id}>
            {pin.stepName}, {clock.dateTime(pin.startAt)} — {pin.pinReason ? PIN_REASONS[pin.pinReason] : "pinned"}
            {pin.pinnedBy ? ` by ${pin.pinnedBy}` : ""}
          </li>
        ))}
        {pins.length > 6 && <li>and {pins.length - 6} more</li>}
      </ul>
      {unpin.isError && <Alert>{unpin.error.message}</Alert>}
    </section>
  );
}

const hours = (h: number) => `${h.toFixed(1)} h`;

/** What changed since the planner's run: board edits (figures then and now) and pins it could not keep. */
export function PlanChangesNotice({ figures }: { figures: PlanFigures }) {
  const clock = useStudioTime();
  const released = figures.released ?? [];
  const edited = figures.edited;
  const changes: string[] = [];
  if (edited) {
    const before = edited.atRun;
    const now = figures.planned;
    const savedBefore = edited.savingsAtRun?.setupHours;
    if (savedBefore !== undefined && figures.savings && Math.abs(savedBefore - figures.savings.setupHours) >= 0.05) changes.push(`hours saved ${hours(savedBefore)} → ${hours(figures.savings.setupHours)}`);
    if (before.setups !== now.setups) changes.push(`setups ${before.setups} → ${now.setups}`);
    if (Math.abs(before.makespanMinutes - now.makespanMinutes) >= 30) changes.push(`all work done in ${hours(before.makespanMinutes / 60)} → ${hours(now.makespanMinutes / 60)}`);
    if (before.lateOrderLines !== now.lateOrderLines) changes.push(`late order lines ${before.lateOrderLines} → ${now.lateOrderLines}`);
  }
  if (changes.length === 0 && released.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="plan-changes">
      {changes.length > 0 && (
        <Alert tone="info">
          Your edits changed this plan&apos;s figures since the planner made it: {changes.join(" · ")}. Plan again to let the planner improve on them.
        </Alert>
      )}
      {released.length > 0 && (
        <Alert tone="info">
          The last plan could not keep {released.length === 1 ? "a pinned batch" : `${released.length} pinned batches`} and planned {released.length === 1 ? "it" : "them"} again:{" "}
          {released.map((r) => `${r.stepName} (${clock.dateTime(new Date(r.startAt))}: ${r.why === "past" ? "its time had passed" : "its pieces could not be ready by then"})`).join("; ")}.
        </Alert>
      )}
    </div>
  );
}
