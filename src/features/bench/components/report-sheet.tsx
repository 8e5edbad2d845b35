"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/card";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { SCRAP_REASONS } from "../schemas";
import type { BenchCardData } from "./batch-card";

function Stepper({ label, value, max, onChange }: { label: string; value: number; max: number; onChange: (value: number) => void }) {
  return (
    <div className="flex items-center justify-between gap-3">
      <span className="text-base font-medium">{label}</span>
      <div className="flex items-center gap-2">
        <button type="button" aria-label={`Fewer ${label.toLowerCase()}`} className="h-12 w-12 rounded-lg bg-stone-100 text-2xl" onClick={() => onChange(Math.max(0, value - 1))}>−</button>
        <output aria-label={label} className="w-10 text-center text-xl font-semibold tabular-nums">{value}</output>
        <button type="button" aria-label={`More ${label.toLowerCase()}`} className="h-12 w-12 rounded-lg bg-stone-100 text-2xl" onClick={() => onChange(Math.min(max, value + 1))}>+</button>
      </div>
    </div>
  );
}

/** Partial report: pieces done and scrapped (with a reason), added to the batch's totals. */
export function ReportSheet({ card, onClose, onDone }: { card: BenchCardData; onClose: () => void; onDone: () => void }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const [done, setDone] = useState(0);
  const [scrapped, setScrapped] = useState(0);
  const [reason, setReason] = useState<string>(SCRAP_REASONS[0]);
  const report = useMutation(
    trpc.bench.report.mutationOptions({
      onSuccess: () => {
        onDone();
        onClose();
      },
    }),
  );
  return (
    <div role="dialog" aria-label="Report pieces" className="mt-4 space-y-4 rounded-xl border border-brand-200 bg-brand-50/40 p-4">
      <p className="text-sm text-stone-600">{card.ready} pieces ready.</p>
      <Stepper label="Done" value={done} max={card.ready - scrapped} onChange={setDone} />
      <Stepper label="Scrapped" value={scrapped} max={card.ready - done} onChange={setScrapped} />
      {scrapped > 0 && (
        <label className="block text-sm font-medium">
          Scrap reason
          <select className="mt-1 block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3" value={reason} onChange={(e) => setReason(e.target.value)}>
            {SCRAP_REASONS.map((r) => <option key={r}>{r}</option>)}
          </select>
        </label>
      )}
      {report.isError && <Alert>{report.error.message}</Alert>}
      <div className="flex gap-2">
        <button
          className="min-h-11 flex-1 rounded-lg bg-brand-600 px-4 text-base font-semibold text-white disabled:opacity-50"
          disabled={done + scrapped === 0 || report.isPending}
          onClick={() => report.mutate({ studioId: studio.id, batchId: card.batchId, piecesDone: done, piecesScrapped: scrapped, scrapReason: scrapped > 0 ? reason : undefined })}
        >
          Save report
        </button>
        <button className="min-h-11 rounded-lg px-4 text-base text-stone-700 ring-1 ring-stone-300" onClick={onClose}>Cancel</button>
      </div>
    </div>
  );
}
