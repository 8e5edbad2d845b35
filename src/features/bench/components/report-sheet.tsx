"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "~/components/ui/card";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { SCRAP_REASONS } from "../server/schemas";
import type { BenchCardData } from "./batch-card";

/** A count typed with the phone's number pad, with − and + on either side for small corrections. */
function Count({ label, value, max, onChange }: { label: string; value: number; max: number; onChange: (value: number) => void }) {
  const id = useId();
  const clamp = (n: number) => Math.min(max, Math.max(0, Number.isFinite(n) ? Math.round(n) : 0));
  return (
    <div className="flex items-center justify-between gap-3">
      <label htmlFor={id} className="text-base font-medium">{label}</label>
      <div className="flex items-center gap-2">
        <button type="button" aria-label={`Fewer ${label.toLowerCase()}`} className="h-12 w-12 rounded-lg bg-stone-100 text-2xl" onClick={() => onChange(clamp(value - 1))}>−</button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          pattern="[0-9]*"
          min={0}
          max={max}
          value={value}
          onFocus={(e) => e.target.select()}
          onChange={(e) => onChange(clamp(e.target.valueAsNumber))}
          className="h-12 w-20 rounded-lg border border-stone-300 text-center text-xl font-semibold tabular-nums"
        />
        <button type="button" aria-label={`More ${label.toLowerCase()}`} className="h-12 w-12 rounded-lg bg-stone-100 text-2xl" onClick={() => onChange(clamp(value + 1))}>+</button>
      </div>
    </div>
  );
}

/**
 * Partial report: pieces done and scrapped, added to the batch's totals. Counts are typed (or "All
 * remaining done" in one tap); scrapped pieces need a reason chosen on purpose — none is preselected.
 */
export function ReportSheet({ card, onClose, onDone }: { card: BenchCardData; onClose: () => void; onDone: () => void }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const [done, setDone] = useState(0);
  const [scrapped, setScrapped] = useState(0);
  const [reason, setReason] = useState("");
  const report = useMutation(
    trpc.bench.report.mutationOptions({
      onSuccess: () => {
        onDone();
        onClose();
      },
    }),
  );
  const needsReason = scrapped > 0 && !reason;
  return (
    <div role="dialog" aria-label="Report pieces" className="mt-4 space-y-4 rounded-xl border border-brand-200 bg-brand-50/40 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-stone-600">{card.ready} {card.ready === 1 ? "piece" : "pieces"} ready.</p>
        <button type="button" className="min-h-11 rounded-lg bg-white px-3 text-sm font-semibold text-brand-700 ring-1 ring-brand-500" onClick={() => setDone(Math.max(0, card.ready - scrapped))}>
          All remaining done
        </button>
      </div>
      {/* Each count may take all ready pieces; the other gives way (all done, then 1 scrapped = ready − 1 done). */}
      <Count label="Done" value={done} max={card.ready} onChange={(n) => { setDone(n); setScrapped(Math.min(scrapped, card.ready - n)); }} />
      <Count label="Scrapped" value={scrapped} max={card.ready} onChange={(n) => { setScrapped(n); setDone(Math.min(done, card.ready - n)); }} />
      {scrapped > 0 && (
        <label className="block text-sm font-medium">
          Scrap reason
          <select
            className={`mt-1 block min-h-11 w-full rounded-lg border bg-white px-3 ${needsReason ? "border-amber-500" : "border-stone-300"}`}
            value={reason}
            required
            aria-invalid={needsReason}
            onChange={(e) => setReason(e.target.value)}
          >
            <option value="" disabled>Choose a reason…</option>
            {SCRAP_REASONS.map((r) => <option key={r}>{r}</option>)}
          </select>
          {needsReason && <span className="mt-1 block text-sm font-normal text-amber-800">Say why the pieces were scrapped: they will be made again.</span>}
        </label>
      )}
      {report.isError && <Alert>{report.error.message}</Alert>}
      <div className="flex gap-2">
        <button
          className="min-h-11 flex-1 rounded-lg bg-brand-600 px-4 text-base font-semibold text-white disabled:opacity-50"
          disabled={done + scrapped === 0 || needsReason || report.isPending}
          onClick={() => report.mutate({ studioId: studio.id, batchId: card.batchId, piecesDone: done, piecesScrapped: scrapped, scrapReason: scrapped > 0 ? reason : undefined })}
        >
          Save report
        </button>
        <button className="min-h-11 rounded-lg px-4 text-base text-stone-700 ring-1 ring-stone-300" onClick={onClose}>Cancel</button>
      </div>
    </div>
  );
}
