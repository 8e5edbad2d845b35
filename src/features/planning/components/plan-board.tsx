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
import { addDays, startOfStudioDay, studioDayRange, weekdayOf, zoneLabel } from "~/server/time-zone";
import { useTRPC } from "~/trpc/react";
import { boardRange, BOARD_VIEW_DAYS, DEFAULT_BOARD_VIEW, type BoardView } from "../board-range";
import { BatchPanel } from "./batch-panel";
import { HoursSaved } from "./hours-saved";
import { PinnedNotice, PlanChangesNotice } from "./plan-notices";
import { PlanControls } from "./plan-controls";
import { daySpan } from "./time-scale";
import { PinIcon, Timeline } from "./timeline";

const ZOOMS = [16, 24, 40, 64, 96, 144];

export function PlanBoard() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const start = useQuery(trpc.planning.boardStart.queryOptions({ studioId: studio.id }));
  if (start.isPending) return <Spinner label="Loading the plan…" />;
  if (start.isError) return <Alert>{start.error.message}</Alert>;
  return <Board start={start.data} />;
}

type Start = { timeZone: string; today: string; firstDay: string; workingDays: number[]; dayStartMinute: number; dayEndMinute: number };

function Board({ start }: { start: Start }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const clock = useStudioTime();
  const { timeZone } = start;
  const [view, setView] = useState<BoardView>(DEFAULT_BOARD_VIEW);
  const [zoom, setZoom] = useState({ day: 4, week: 1 });
  const [rowsBy, setRowsBy] = useState<"personId" | "stationId">("personId");
  // Opens on the first day with work still to do (not on an empty evening or weekend).
  const [anchor, setAnchor] = useState(start.firstDay);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const span = BOARD_VIEW_DAYS[view];
  // The plan page prefetches the opening range on the server (same helper, same query key).
  const range = useMemo(() => boardRange(timeZone, anchor, span), [timeZone, anchor, span]);
  const board = useQuery(trpc.planning.currentPlan.queryOptions({ studioId: studio.id, ...range }));
  // Bench reports ("batch.progress"), re-plans and board edits ("plan.") refresh the board live; a planner
  // run's steps ("run.status") refresh only the run shown by the plan controls.
  useStudioLive(["batch.", "plan.", "order.", "run."], (topic) =>
    topic.startsWith("run.")
      ? [trpc.planning.latestRuns.queryKey(), trpc.planning.getRun.queryKey()]
      : [trpc.planning.currentPlan.queryKey(), trpc.planning.summary.queryKey(), trpc.planning.boardStart.queryKey(), trpc.planning.latestRuns.queryKey(), trpc.planning.getRun.queryKey()],
  );
  const shift = (n: number) => setAnchor(addDays(anchor, n * span));
  const batches = useMemo(() => board.data?.batches ?? [], [board.data]);
  const selected = batches.find((b) => b.id === selectedId) ?? null;
  // The week shows the studio's working days, and any other day that has work on it.
  const dayKeys = useMemo(() => {
    const all = Array.from({ length: span }, (_, i) => addDays(anchor, i));
    if (span === 1) return all;
    const busy = new Set(batches.map((b) => b.startAt.getTime()));
    const shown = all.filter((key) => {
      const [dayStart, dayEnd] = studioDayRange(timeZone, key, key);
      return start.workingDays.includes(weekdayOf(key)) || [...busy].some((t) => t >= dayStart.getTime() && t < dayEnd.getTime());
    });
    return shown.length ? shown : all;
  }, [anchor, span, batches, start.workingDays, timeZone]);
  const hourPx = ZOOMS[zoom[view]]!;
  const [dayStartMinute, dayEndMinute] = useMemo(() => daySpan(timeZone, start.dayStartMinute, start.dayEndMinute, batches), [timeZone, start, batches]);
  const setZoomLevel = (delta: number) => setZoom({ ...zoom, [view]: Math.min(ZOOMS.length - 1, Math.max(0, zoom[view] + delta)) });
  const label = (key: string) => clock.date(startOfStudioDay(timeZone, key));

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Plan</h1>
        <Link className={buttonClasses("secondary")} href={`/s/${studio.slug}/plan/cut-list?from=${anchor}&to=${addDays(anchor, span)}`}>Cut list for this {view}</Link>
      </div>
      <PlanControls />
      {board.data?.plan?.figures && <HoursSaved figures={board.data.plan.figures} />}
      {board.data?.plan?.figures && <PlanChangesNotice figures={board.data.plan.figures} />}
      {board.data && <PinnedNotice pins={board.data.pins} />}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex items-center gap-2" role="group" aria-label="Dates">
          <Button variant="secondary" onClick={() => shift(-1)} aria-label={`Earlier ${view}`}>←</Button>
          <Button variant="secondary" onClick={() => setAnchor(start.today)}>Today</Button>
          <Button variant="secondary" onClick={() => shift(1)} aria-label={`Later ${view}`}>→</Button>
          <span className="text-sm text-stone-700" data-testid="board-range">{label(anchor)}{span > 1 ? ` – ${label(addDays(anchor, span - 1))}` : ""}</span>
        </div>
        <div className="flex items-center gap-1" role="group" aria-label="View">
          <Button variant={view === "day" ? "primary" : "ghost"} aria-pressed={view === "day"} onClick={() => setView("day")}>Day</Button>
          <Button variant={view === "week" ? "primary" : "ghost"} aria-pressed={view === "week"} onClick={() => setView("week")}>Week</Button>
        </div>
        <div className="flex items-center gap-1" role="group" aria-label="Rows">
          <Button variant={rowsBy === "personId" ? "primary" : "ghost"} aria-pressed={rowsBy === "personId"} onClick={() => setRowsBy("personId")}>By person</Button>
          <Button variant={rowsBy === "stationId" ? "primary" : "ghost"} aria-pressed={rowsBy === "stationId"} onClick={() => setRowsBy("stationId")}>By station</Button>
        </div>
        <div className="flex items-center gap-1" role="group" aria-label="Zoom">
          <Button variant="ghost" onClick={() => setZoomLevel(-1)} disabled={zoom[view] === 0} aria-label="Zoom out">−</Button>
          <span className="w-16 text-center text-xs text-stone-600">{hourPx} px / h</span>
          <Button variant="ghost" onClick={() => setZoomLevel(1)} disabled={zoom[view] === ZOOMS.length - 1} aria-label="Zoom in">+</Button>
        </div>
      </div>
      {board.isPending || (board.isFetching && !board.data?.plan) ? (
        <Spinner label="Loading the plan…" />
      ) : board.isError ? (
        <Alert>{board.error.message}</Alert>
      ) : !board.data.plan ? (
        <EmptyState title="No plan yet">Enter orders, then click Plan: Benchflow groups the same steps across orders into batches and schedules them on your benches and hours.</EmptyState>
      ) : (
        <div className="space-y-4">
          <div className="min-w-0 space-y-2">
            <p className="text-xs text-stone-600" data-testid="board-zone">Times in {zoneLabel(timeZone, range.from)}, the studio&apos;s time zone.</p>
            <Timeline
              dayKeys={dayKeys}
              timeZone={timeZone}
              dayStartMinute={dayStartMinute}
              dayEndMinute={dayEndMinute}
              hourPx={hourPx}
              rows={rowsBy === "personId" ? board.data.people : board.data.stations}
              batches={batches}
              rowKey={rowsBy}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
            <p className="text-xs text-stone-500">
              {batches.length} batches in view · <PinIcon /> pinned (kept by the next plan) · ↻ holds remade pieces · red outline: a late order line · dashed: started at the bench · hatched: machine running on its own
            </p>
          </div>
          {selected ? (
            <BatchPanel key={`${selected.id}:${selected.version}`} batch={selected} people={board.data.people} batches={batches} onClose={() => setSelectedId(null)} />
          ) : (
            <p className="text-sm text-stone-500">Click a batch (or tab to it and press Enter) to see its pieces, move, pin, split, merge or resize it.</p>
          )}
        </div>
      )}
    </div>
  );
}
