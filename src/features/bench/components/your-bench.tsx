"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { Alert, EmptyState } from "~/components/ui/card";
import { buttonClasses } from "~/components/ui/button";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import type { AppRouter } from "~/server/trpc/root";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import type { BenchCardData } from "./batch-card";

type Tally = inferRouterOutputs<AppRouter>["bench"]["mine"]["today"];

/** How many of my batches the home lists; the rest are one tap away on the bench. */
const QUEUE_PREVIEW = 5;

const STATUS_LABELS: Record<BenchCardData["status"], string> = {
  OPEN: "Planned for you",
  CLAIMED: "Claimed",
  RUNNING: "Running",
  PAUSED: "Paused",
  DONE: "Done",
};

const STATUS_TONES: Record<BenchCardData["status"], string> = {
  OPEN: "bg-stone-100 text-stone-700",
  CLAIMED: "bg-sky-50 text-sky-800",
  RUNNING: "bg-emerald-50 text-emerald-800",
  PAUSED: "bg-amber-50 text-amber-800",
  DONE: "bg-stone-100 text-stone-700",
};

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)} h ${String(rest).padStart(2, "0")} min` : `${minutes / 60} h`;
}

function TallyCard({ title, tally, testId }: { title: string; tally: Tally | undefined; testId: string }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">{title}</h3>
      {!tally ? (
        <div className="mt-2 h-24 animate-pulse rounded-lg bg-stone-100" aria-hidden />
      ) : (
        <>
          <p className="mt-1">
            <span className="text-3xl font-semibold tabular-nums" data-testid="pieces-done">{tally.piecesDone}</span>{" "}
            <span className="text-sm text-stone-600">{tally.piecesDone === 1 ? "piece done" : "pieces done"}</span>
          </p>
          <dl className="mt-2 space-y-1 text-sm">
            <div className="flex justify-between gap-2">
              <dt className="text-stone-600">Scrapped</dt>
              <dd className="font-medium tabular-nums" data-testid="pieces-scrapped">{tally.piecesScrapped}</dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt className="text-stone-600">Batches done</dt>
              <dd className="font-medium tabular-nums" data-testid="batches-completed">{tally.batchesCompleted}</dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt className="text-stone-600">On the timer</dt>
              <dd className="font-medium tabular-nums" data-testid="minutes-worked">{formatMinutes(tally.minutesWorked)}</dd>
            </div>
          </dl>
        </>
      )}
    </div>
  );
}

/**
 * "Starts 14:30" today; otherwise with the day: "Was due Tue 24 Nov, 14:30" (overdue) or a later day claimed
 * ahead. On the studio's clock, and "today" is the studio's day from the queue.
 */
function startLabel(clock: ReturnType<typeof useStudioTime>, startAt: Date, dayStart: Date, dayEnd: Date): string {
  const start = new Date(startAt);
  if (start >= new Date(dayStart) && start < new Date(dayEnd)) return `Starts ${clock.time(start)}`;
  return `${start < new Date(dayStart) ? "Was due" : "Starts"} ${clock.dateTime(start)}`;
}

/**
 * "Your bench" on the studio home: my pieces today and this week, and the first batches of my queue (the
 * bench's "Mine" section). The home's live subscription refreshes both queries on every bench event.
 */
export function YourBench() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const clock = useStudioTime();
  const queue = useQuery(trpc.bench.queue.queryOptions({ studioId: studio.id }));
  const mineCards = queue.data?.cards.filter((card) => card.section === "mine") ?? [];
  const openCount = queue.data?.cards.filter((card) => card.section === "open").length ?? 0;
  const canPlan = useCan("planning:run");
  // A running timer adds minutes without any bench event: refresh the tallies once a minute meanwhile.
  const running = mineCards.some((card) => card.status === "RUNNING" && card.claimedById !== null);
  const mine = useQuery({ ...trpc.bench.mine.queryOptions({ studioId: studio.id }), refetchInterval: running ? 60_000 : false });
  const benchHref = `/s/${studio.slug}/bench`;

  return (
    <section aria-labelledby="your-bench-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="your-bench-title" className="text-xl font-semibold tracking-tight">Your bench</h2>
        <Link href={benchHref} className={buttonClasses("primary", "min-h-11")}>
          Open the bench
        </Link>
      </div>
      {mine.isError && <Alert>{mine.error.message}</Alert>}
      <div className="space-y-4 lg:grid lg:grid-cols-2 lg:items-start lg:gap-6 lg:space-y-0">
        <div className="grid grid-cols-2 gap-3">
          <TallyCard title="Today" tally={mine.data?.today} testId="tally-today" />
          <TallyCard title="This week" tally={mine.data?.week} testId="tally-week" />
        </div>

        <div className="space-y-2" data-testid="my-queue">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-500">My queue</h3>
          {queue.isError && <Alert>{queue.error.message}</Alert>}
          {queue.isPending && <div className="h-20 animate-pulse rounded-xl bg-stone-100" aria-hidden />}
          {queue.data && mineCards.length === 0 && openCount > 0 && (
            <EmptyState
              title="Nothing claimed yet"
              action={
                <Link href={benchHref} className={buttonClasses("secondary", "min-h-11")}>
                  Open the bench to claim a batch
                </Link>
              }
            >
              {openCount === 1 ? "1 batch is" : `${openCount} batches are`} open to claim today. Claim one on the bench and it shows up here
              with its step, station and pieces.
            </EmptyState>
          )}
          {queue.data && mineCards.length === 0 && openCount === 0 && (
            <EmptyState
              title="Nothing claimed yet"
              action={
                canPlan ? (
                  <Link href={`/s/${studio.slug}/plan`} className={buttonClasses("secondary", "min-h-11")}>
                    Open the plan
                  </Link>
                ) : (
                  <Link href={benchHref} className={buttonClasses("secondary", "min-h-11")}>
                    Open the bench
                  </Link>
                )
              }
            >
              {canPlan
                ? "Nothing is on the bench today. Plan your open orders: their batches show up on the bench to claim, and the ones you claim show up here."
                : "Nothing is on the bench today yet. Once the plan puts batches there, claim one on the bench and it shows up here."}
            </EmptyState>
          )}
          {queue.data && mineCards.length > 0 && (
            <ul className="divide-y divide-stone-100 overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm">
              {mineCards.slice(0, QUEUE_PREVIEW).map((card) => (
                <li key={card.batchId}>
                  <Link
                    href={`${benchHref}#batch-${card.batchId}`}
                    className="flex min-h-16 items-center justify-between gap-3 px-4 py-3 hover:bg-stone-50"
                    aria-label={`${card.stepName} at ${card.stationName}, ${card.piecesDone} of ${card.pieces} pieces done, ${STATUS_LABELS[card.status].toLowerCase()}`}
                  >
                    <span className="min-w-0">
                      <span className="block truncate font-semibold text-stone-900">{card.stepName}</span>
                      <span className="block truncate text-sm text-stone-600">{card.stationName}</span>
                      <span className="block truncate text-sm text-stone-500">{startLabel(clock, card.startAt, queue.data.dayStart, queue.data.dayEnd)}</span>
                    </span>
                    <span className="flex shrink-0 flex-col items-end gap-1">
                      <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_TONES[card.status]}`}>{STATUS_LABELS[card.status]}</span>
                      <span className="text-sm tabular-nums text-stone-700">
                        {card.piecesDone} / {card.pieces} pcs
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {mineCards.length > QUEUE_PREVIEW && (
            <p className="text-sm text-stone-600">
              And {mineCards.length - QUEUE_PREVIEW} more.{" "}
              <Link href={benchHref} className="font-medium text-brand-700 hover:underline">
                See them all on the bench
              </Link>
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
