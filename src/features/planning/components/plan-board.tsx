"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { Alert, EmptyState } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioLive } from "~/features/studios/components/use-studio-live";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { addDays, studioDays } from "~/server/time-zone";
import { useTRPC } from "~/trpc/react";
import { BatchPanel } from "./batch-panel";
import { HoursSaved } from "./hours-saved";
import { PlanControls } from "./plan-controls";
import { Timeline } from "./timeline";

export function PlanBoard() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const [view, setView] = useState<"day" | "week">("week");
  const [rowsBy, setRowsBy] = useState<"personId" | "stationId">("personId");
  // Studio-local days (the studio's zone, not the browser's): a day is 23 or 25 hours around a clock change.
  const clock = useStudioTime();
  const [anchor, setAnchor] = useState(() => clock.today());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const days = useMemo(() => studioDays(clock.timeZone, anchor, view === "week" ? 7 : 1), [anchor, view, clock.timeZone]);
  const range = { from: days[0]!.start, to: days[days.length - 1]!.end };
  const board = useQuery(trpc.planning.currentPlan.queryOptions({ studioId: studio.id, ...range }));
  // A claim or report at the bench ("batch.progress") refreshes the board and the plan figures live.
  useStudioLive(["batch."], [trpc.planning.currentPlan.queryKey(), trpc.planning.summary.queryKey()]);
  const shift = (n: number) => setAnchor(addDays(anchor, n * (view === "week" ? 7 : 1)));
  const selected = board.data?.batches.find((b) => b.id === selectedId) ?? null;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Plan</h1>
        <Link className={buttonClasses("secondary")} href={`/s/${studio.slug}/plan/cut-list?from=${anchor}&to=${addDays(days[days.length - 1]!.day, 1)}`}>Cut list for this {view}</Link>
      </div>
      <PlanControls />
      {board.data?.plan?.figures && <HoursSaved figures={board.data.plan.figures} />}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex items-center gap-2" role="group" aria-label="Dates">
          <Button variant="secondary" onClick={() => shift(-1)} aria-label={`Earlier ${view}`}>←</Button>
          <Button variant="secondary" onClick={() => setAnchor(clock.today())}>Today</Button>
          <Button variant="secondary" onClick={() => shift(1)} aria-label={`Later ${view}`}>→</Button>
          <span className="text-sm text-stone-600">{clock.date(range.from)}{view === "week" ? ` – ${clock.date(new Date(range.to.getTime() - 1))}` : ""}</span>
        </div>
        <div className="flex items-center gap-1" role="group" aria-label="View">
          <Button variant={view === "day" ? "primary" : "ghost"} aria-pressed={view === "day"} onClick={() => setView("day")}>Day</Button>
          <Button variant={view === "week" ? "primary" : "ghost"} aria-pressed={view === "week"} onClick={() => setView("week")}>Week</Button>
        </div>
        <div className="flex items-center gap-1" role="group" aria-label="Rows">
          <Button variant={rowsBy === "personId" ? "primary" : "ghost"} aria-pressed={rowsBy === "personId"} onClick={() => setRowsBy("personId")}>By person</Button>
          <Button variant={rowsBy === "stationId" ? "primary" : "ghost"} aria-pressed={rowsBy === "stationId"} onClick={() => setRowsBy("stationId")}>By station</Button>
        </div>
      </div>
      {board.isPending ? (
        <Spinner label="Loading the plan…" />
      ) : board.isError ? (
        <Alert>{board.error.message}</Alert>
      ) : !board.data.plan ? (
        <EmptyState title="No plan yet">Enter orders, then click Plan: Benchflow groups the same steps across orders into batches and schedules them on your benches and hours.</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
          <div className="min-w-0 space-y-2">
            <Timeline days={days} timeZone={clock.timeZone} rows={rowsBy === "personId" ? board.data.people : board.data.stations} batches={board.data.batches} rowKey={rowsBy} selectedId={selectedId} onSelect={setSelectedId} />
            <p className="text-xs text-stone-500">{board.data.batches.length} batches in view · red outline = contains a late order line · “Locked” batches are kept by the next plan · scroll sideways for the rest of the week</p>
          </div>
          {selected ? (
            <BatchPanel key={`${selected.id}:${selected.version}`} batch={selected} people={board.data.people} batches={board.data.batches} onClose={() => setSelectedId(null)} />
          ) : (
            <p className="text-sm text-stone-500">Click a batch to see its pieces, move, lock, split or merge it.</p>
          )}
        </div>
      )}
    </div>
  );
}
