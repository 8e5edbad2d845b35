"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { Alert } from "~/components/ui/card";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import type { AppRouter } from "~/server/trpc/root";
import { useTRPC } from "~/trpc/react";
import { ReportSheet } from "./report-sheet";
import { BenchTimer } from "./timer";

export type BenchCardData = inferRouterOutputs<AppRouter>["bench"]["queue"]["cards"][number];

const BIG = "min-h-11 min-w-11 rounded-lg px-4 text-base font-semibold disabled:opacity-50";
const PRIMARY = `${BIG} bg-brand-600 text-white hover:bg-brand-700`;
const SECONDARY = `${BIG} bg-white text-stone-800 ring-1 ring-stone-300 hover:bg-stone-100`;
export function BatchCard({ card }: { card: BenchCardData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const [reporting, setReporting] = useState(false);
  const [details, setDetails] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.bench.queue.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.bench.batch.queryKey() });
  };
  const options = { onSettled: refresh };
  const claim = useMutation(trpc.bench.claim.mutationOptions(options));
  const start = useMutation(trpc.bench.start.mutationOptions(options));
  const pause = useMutation(trpc.bench.pause.mutationOptions(options));
  const complete = useMutation(trpc.bench.complete.mutationOptions(options));
  const release = useMutation(trpc.bench.release.mutationOptions(options));
  const busy = [claim, start, pause, complete, release].some((m) => m.isPending);
  const error = [claim, start, pause, complete, release].find((m) => m.isError)?.error;
  const versioned = { studioId: studio.id, batchId: card.batchId, expectedVersion: card.version };
  const mineClaimed = card.section === "mine" && card.claimedById !== null;
  const designs = [...new Set(card.items.map((item) => `${item.designName} · ${item.variantName}`))];
  const left = card.pieces - card.piecesDone - card.piecesScrapped;
  const remakes = card.items.filter((item) => item.remake);
  const clock = useStudioTime();

  return (
    <article id={`batch-${card.batchId}`} className="scroll-mt-4 rounded-xl border border-stone-200 bg-white p-4 shadow-sm" aria-label={`${card.stepName} batch`} data-batch-id={card.batchId}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-lg font-semibold text-stone-900">{card.stepName}</h3>
          <p className="truncate text-sm text-stone-600">{designs.join(", ")}</p>
          <p className="text-sm text-stone-500">
            {card.stationName} · {clock.dateTime(card.startAt)}–{clock.day(card.endAt) === clock.day(card.startAt) ? clock.time(card.endAt) : clock.dateTime(card.endAt)}
          </p>
          {remakes.map((item) => (
            <p key={item.id} className="mt-1 inline-block rounded bg-rose-50 px-2 py-0.5 text-sm text-rose-800" data-testid="remake-badge">
              ↻ Remake #{item.orderNumber}: {item.pieces} pcs — scrapped at {item.remake!.stepName} ({item.remake!.reason})
            </p>
          ))}
        </div>
        <span className="rounded-full bg-stone-100 px-3 py-1 text-sm font-medium text-stone-700">
          {card.status === "OPEN" ? "Open" : card.status.charAt(0) + card.status.slice(1).toLowerCase()}
          {card.claimedByName && card.claimedById !== null && card.section !== "mine" ? ` · ${card.claimedByName}` : ""}
        </span>
      </div>
      <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
        <div className="rounded-lg bg-stone-50 p-2">
          <dt className="text-xs text-stone-500">Ready</dt>
          <dd className="text-lg font-semibold" data-testid="ready">{card.ready} of {left}</dd>
        </div>
        <div className="rounded-lg bg-emerald-50 p-2">
          <dt className="text-xs text-stone-500">Done</dt>
          <dd className="text-lg font-semibold" data-testid="done">{card.piecesDone} / {card.pieces}</dd>
        </div>
        <div className="rounded-lg bg-red-50 p-2">
          <dt className="text-xs text-stone-500">Scrapped</dt>
          <dd className="text-lg font-semibold" data-testid="scrapped">{card.piecesScrapped}</dd>
        </div>
      </dl>
      {card.remade.map((r, i) => (
        <p key={i} className="mt-2 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900" data-testid="remade">
          ↻ {r.pieces} scrapped ({r.reason}) will be made again: {r.plannedAt ? `planned from ${clock.dateTime(r.plannedAt)}` : "not on the plan yet"}
        </p>
      ))}
      {card.status !== "OPEN" && (
        <p className="mt-2 text-sm text-stone-600">
          Time: <BenchTimer runningSince={card.runningSince} accumulatedSeconds={card.accumulatedSeconds} />
        </p>
      )}
      {error && <div className="mt-3"><Alert>{error.message}</Alert></div>}
      <div className="mt-3 flex flex-wrap gap-2">
        {card.status === "OPEN" && (
          <button className={PRIMARY} disabled={busy} onClick={() => claim.mutate({ studioId: studio.id, batchId: card.batchId })}>Claim</button>
        )}
        {mineClaimed && (card.status === "CLAIMED" || card.status === "PAUSED") && (
          <button className={PRIMARY} disabled={busy || card.ready === 0} onClick={() => start.mutate(versioned)}>
            {card.status === "PAUSED" ? "Resume" : "Start"}
          </button>
        )}
        {mineClaimed && card.status === "RUNNING" && (
          <button className={SECONDARY} disabled={busy} onClick={() => pause.mutate(versioned)}>Pause</button>
        )}
        {card.claimedById && card.status !== "DONE" && (
          <button className={SECONDARY} disabled={busy || card.ready === 0} onClick={() => setReporting(true)}>Report</button>
        )}
        {mineClaimed && card.status !== "DONE" && (
          <button className={SECONDARY} disabled={busy || card.piecesDone + card.piecesScrapped === 0} onClick={() => complete.mutate(versioned)}>Complete</button>
        )}
        {mineClaimed && card.status !== "DONE" && (
          <button className={`${BIG} text-stone-600 hover:bg-stone-100`} disabled={busy} onClick={() => release.mutate(versioned)}>Release</button>
        )}
        <button className={`${BIG} text-stone-600 hover:bg-stone-100`} onClick={() => setDetails((v) => !v)} aria-expanded={details}>
          {details ? "Hide details" : "Details"}
        </button>
      </div>
      {reporting && <ReportSheet card={card} onClose={() => setReporting(false)} onDone={refresh} />}
      {details && <BatchDetails batchId={card.batchId} />}
    </article>
  );
}

/** Items and the audit trail (who did what when) of one batch. */
function BatchDetails({ batchId }: { batchId: string }) {
  const clock = useStudioTime();
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const detail = useQuery(trpc.bench.batch.queryOptions({ studioId: studio.id, batchId }));
  if (detail.isPending) return <p className="mt-3 text-sm text-stone-500">Loading…</p>;
  if (detail.isError) return <div className="mt-3"><Alert>{detail.error.message}</Alert></div>;
  return (
    <div className="mt-4 space-y-3 border-t border-stone-100 pt-3 text-sm">
      <ul className="space-y-1">
        {detail.data.items.map((item) => (
          <li key={item.id} className="flex justify-between gap-2">
            <span>
              #{item.orderNumber} {item.designName} · {item.variantName}
              {item.stepName !== detail.data.stepName && <span className="text-stone-500"> · {item.stepName}</span>}
              {item.remake && <span className="text-rose-700"> · remake</span>}
            </span>
            <span className="text-stone-600">{item.piecesDone}+{item.piecesScrapped} of {item.pieces} · {item.ready} ready</span>
          </li>
        ))}
      </ul>
      <h4 className="font-semibold text-stone-700">History</h4>
      {detail.data.events.length === 0 && <p className="text-stone-500">Nobody has worked on this batch yet.</p>}
      <ol className="space-y-1" aria-label="History">
        {detail.data.events.map((event) => (
          <li key={event.id} className="text-stone-700">
            <span className="text-stone-500">{clock.dateTime(event.createdAt)}</span>{" "}
            {event.userName} {event.kind.toLowerCase()}
            {event.kind === "REPORT" || event.kind === "COMPLETE" ? ` ${event.piecesDone} done, ${event.piecesScrapped} scrapped` : ""}
            {event.scrapReason ? ` (${event.scrapReason})` : ""}
          </li>
        ))}
      </ol>
    </div>
  );
}
