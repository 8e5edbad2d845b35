"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Alert, Card, EmptyState } from "~/components/ui/card";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { addDays, daysBetween, mondayOf } from "~/server/time-zone";
import { rangeError as describeRangeError, resolveRange, type DashboardRange } from "../schemas";
import { ScrapChart, ThroughputChart, WipChart } from "./charts";
import { LabourTable, LineTable, LowStockTable } from "./dashboard-lists";

function Skeleton({ height = "h-40" }: { height?: string }) {
  return <div className={`${height} animate-pulse rounded-lg bg-stone-100`} aria-hidden />;
}

function Figure({ label, value, note }: { label: string; value: ReactNode; note: ReactNode }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-stone-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      <p className="mt-1 text-xs text-stone-600">{note}</p>
    </div>
  );
}

/** `initialRange`: the range the page prefetched on the server (the last 30 studio days when it rendered). */
export function StudioDashboard({ initialRange }: { initialRange: DashboardRange }) {
  const studio = useCurrentStudio();
  const allowed = useCan("dashboard:read");
  const clock = useStudioTime();
  // Days are the studio's days, whatever the browser's zone: "today" is today in the studio.
  const presets: Array<{ label: string; range: () => DashboardRange }> = [
    { label: "Today", range: () => ({ from: clock.today(), to: clock.today() }) },
    { label: "This week", range: () => ({ from: mondayOf(clock.today()), to: addDays(mondayOf(clock.today()), 6) }) },
    { label: "Last 30 days", range: () => resolveRange({}, clock.timeZone) },
  ];
  const [range, setRange] = useState(initialRange);
  const span = daysBetween(range.from, range.to) + 1;
  const rangeError = describeRangeError(range);
  const trpc = useTRPC();
  const input = { studioId: studio.id, ...range };
  const options = { enabled: allowed && !rangeError, placeholderData: keepPreviousData };
  const production = useQuery({ ...trpc.dashboard.production.queryOptions(input), ...options });
  const delivery = useQuery({ ...trpc.dashboard.delivery.queryOptions(input), ...options });

  if (!allowed) return <Alert>The dashboard is for the studio&apos;s owner and admins.</Alert>;
  const p = production.data;
  const d = delivery.data;
  const totalDone = p?.throughput.reduce((sum, day) => sum + day.piecesDone, 0) ?? 0;
  const base = `/s/${studio.slug}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Dashboard</h1>
          <p className="mt-1 text-sm text-stone-600">How the bench is doing, day by day in your studio&apos;s time zone ({clock.timeZone}).</p>
        </div>
        <form className="flex flex-wrap items-end gap-3" onSubmit={(event) => event.preventDefault()} aria-label="Date range">
          <label className="text-sm font-medium text-stone-700">
            From
            <input type="date" className="mt-1 block rounded-lg border border-stone-300 px-3 py-1.5 text-sm" value={range.from} max={range.to}
              onChange={(event) => event.target.value && setRange((r) => ({ ...r, from: event.target.value }))} />
          </label>
          <label className="text-sm font-medium text-stone-700">
            To
            <input type="date" className="mt-1 block rounded-lg border border-stone-300 px-3 py-1.5 text-sm" value={range.to} min={range.from}
              onChange={(event) => event.target.value && setRange((r) => ({ ...r, to: event.target.value }))} />
          </label>
          <div className="flex gap-1" role="group" aria-label="Quick ranges">
            {presets.map((preset) => {
              const value = preset.range();
              const active = value.from === range.from && value.to === range.to;
              return (
                <button key={preset.label} type="button" aria-pressed={active} onClick={() => setRange(value)}
                  className={`rounded-lg px-3 py-2 text-sm font-medium hover:bg-stone-100 ${active ? "bg-stone-100 text-brand-900" : "text-brand-700"}`}>
                  {preset.label}
                </button>
              );
            })}
          </div>
        </form>
      </div>
      {rangeError && <Alert>{rangeError}</Alert>}
      {production.isError && <Alert>{production.error.message}</Alert>}
      {delivery.isError && <Alert>{delivery.error.message}</Alert>}

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {d ? (
          <Figure label="On-time delivery" value={d.onTime.rate === null ? "—" : `${Math.round(d.onTime.rate * 100)} %`}
            note={d.onTime.completed ? `${d.onTime.onTime} of ${d.onTime.completed} completed lines on or before their due day` : "No order marked Done in this range yet"} />
        ) : <Skeleton height="h-28" />}
        {p ? <Figure label="Pieces done" value={totalDone} note={`${span} days of bench reports`} /> : <Skeleton height="h-28" />}
        {d ? (
          <Figure label="Late open lines" value={d.lateCount} note={d.lateCount ? "past their due day, still open" : "nothing overdue"} />
        ) : <Skeleton height="h-28" />}
        {d ? (
          <Figure label="Hours saved by batching" value={d.hoursSaved ? `${d.hoursSaved.savedHours.toFixed(1)} h` : "—"}
            note={d.hoursSaved ? `setups: ${d.hoursSaved.naiveSetupHours.toFixed(1)} h one line at a time → ${d.hoursSaved.plannedSetupHours.toFixed(1)} h planned` : <Link href={`${base}/plan`} className="text-brand-700 hover:underline">Run the planner to see it</Link>} />
        ) : <Skeleton height="h-28" />}
      </div>

      <Card title="Throughput" description="Pieces reported done (and scrapped) per day.">
        {!p ? <Skeleton height="h-64" /> : totalDone + p.throughput.reduce((s, day) => s + day.piecesScrapped, 0) === 0 ? (
          <EmptyState title="No bench reports yet" action={<Link href={`${base}/bench`} className="text-sm font-medium text-brand-700 hover:underline">Open the Bench</Link>}>
            Assistants report pieces from the Bench page; each report shows up here on its day.
          </EmptyState>
        ) : <ThroughputChart days={p.throughput} />}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Work in progress" description="Pieces left in open batches, per step, right now.">
          {!p ? <Skeleton /> : p.wip.length === 0 ? (
            <EmptyState title="Nothing in progress" action={<Link href={`${base}/plan`} className="text-sm font-medium text-brand-700 hover:underline">Open the plan</Link>}>
              Plan your open orders into batches; they show up here until they are done at the bench.
            </EmptyState>
          ) : <WipChart steps={p.wip} />}
        </Card>
        <Card title="Scrap rate" description="Scrapped / (done + scrapped) per step, from bench reports in the range.">
          {!p ? <Skeleton /> : p.scrap.length === 0 ? (
            <EmptyState title="No bench reports yet">Assistants report pieces done and scrapped from the Bench page.</EmptyState>
          ) : <ScrapChart steps={p.scrap} />}
        </Card>
      </div>

      <Card title="Labour per piece" description="Timer minutes per piece (every worked step) on batches completed in the range, against the routing's standard time.">
        {!p ? <Skeleton /> : <LabourTable designs={p.labour} />}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Late open order lines" description={d && d.lateCount > d.late.length ? `The ${d.late.length} most overdue of ${d.lateCount}.` : undefined}>
          {!d ? <Skeleton /> : <LineTable lines={d.late} slug={studio.slug} late empty={{ title: "Nothing is late", body: "Open order lines past their due day will be listed here." }} />}
        </Card>
        <Card title="Due in the next 14 days">
          {!d ? <Skeleton /> : <LineTable lines={d.upcoming} slug={studio.slug} empty={{ title: "Nothing due in the next two weeks", body: "Enter or import orders on the Orders page to see what is coming up." }} />}
        </Card>
      </div>

      <Card title="Low stock" description="Materials at or below their reorder point.">
        {!d ? <Skeleton height="h-24" /> : <LowStockTable materials={d.lowStock} slug={studio.slug} />}
      </Card>
    </div>
  );
}
