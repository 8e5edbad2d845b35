"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { fromStudioInput, toStudioInput } from "~/server/time-zone";
import { useTRPC } from "~/trpc/react";
import { PIN_REASONS, PinIcon, type BoardBatch } from "./timeline";

type Item = {
  id: string; pieces: number; late: boolean; stepName: string; remake: { stepName: string; reason: string } | null;
  orderLine: { designName: string; variantName: string; dueDate: Date; order: { id: string; number: number; customerName: string } };
};
type PanelBatch = BoardBatch & {
  version: number; status: string; setupMinutes: number; workMinutes: number; pinnedAt?: Date | null; items: Item[];
  bench?: { status: string; piecesDone: number; piecesScrapped: number; claimedBy: string | null } | null;
};

const UNLOAD_MINUTES = 5;

export function BatchPanel({ batch, people, batches, onClose }: { batch: PanelBatch; people: Array<{ id: string; name: string }>; batches: PanelBatch[]; onClose: () => void }) {
  const trpc = useTRPC();
  const clock = useStudioTime();
  const { timeZone } = clock;
  const studio = useCurrentStudio();
  const canEdit = useCan("planning:run");
  const queryClient = useQueryClient();
  const [start, setStart] = useState(toStudioInput(timeZone, batch.startAt));
  const [personId, setPersonId] = useState(batch.personId);
  const [splitPieces, setSplitPieces] = useState(Math.floor(batch.pieces / 2) || 1);
  const machine = Boolean(batch.runStartAt);
  const [minutes, setMinutes] = useState(batch.workMinutes - (machine ? UNLOAD_MINUTES : 0));
  const [mergeWith, setMergeWith] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const onSuccess = (result: object) => {
    const moved = "moved" in result && Array.isArray(result.moved) ? result.moved : [];
    if (moved.length) setNotice(`${moved.length} later ${moved.length === 1 ? "batch" : "batches"} moved along to keep the steps in order.`);
    return queryClient.invalidateQueries({ queryKey: trpc.planning.pathKey() });
  };
  const move = useMutation(trpc.planning.moveBatch.mutationOptions({ onSuccess }));
  const lock = useMutation(trpc.planning.setBatchLocked.mutationOptions({ onSuccess }));
  const split = useMutation(trpc.planning.splitBatch.mutationOptions({ onSuccess }));
  const merge = useMutation(trpc.planning.mergeBatches.mutationOptions({ onSuccess }));
  const resize = useMutation(trpc.planning.resizeBatch.mutationOptions({ onSuccess }));
  const error = move.error ?? lock.error ?? split.error ?? merge.error ?? resize.error;
  const mergeable = batches.filter((b) => b.id !== batch.id && b.stationId === batch.stationId && b.status === "PLANNED" && (batch.family ? b.family === batch.family : b.stepName === batch.stepName));
  const base = { studioId: studio.id, batchId: batch.id, expectedVersion: batch.version };
  const ref = useRef<HTMLDivElement>(null);
  // On a phone the panel sits below the board: bring it into view when a batch is picked.
  useEffect(() => { ref.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" }); }, [batch.id]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  const bench = batch.bench;
  const pinned = batch.locked
    ? `Pinned${batch.pinReason && batch.pinReason !== "PINNED" ? ` — ${PIN_REASONS[batch.pinReason]} on the board` : ""}${batch.pinnedBy ? ` by ${batch.pinnedBy}` : ""}${batch.pinnedAt ? `, ${clock.dateTime(batch.pinnedAt)}` : ""}. The next plan keeps it here.`
    : null;
  const startAt = () => fromStudioInput(timeZone, start);

  return (
    <div ref={ref} className="scroll-mt-4 lg:fixed lg:top-20 lg:right-4 lg:z-30 lg:max-h-[calc(100vh-6rem)] lg:w-96 lg:overflow-y-auto lg:rounded-xl lg:shadow-2xl" data-testid="batch-panel">
      <Card
        title={`${batch.stepName} · ${batch.pieces} pcs`}
        description={`${clock.dateTime(batch.startAt)} – ${clock.day(batch.endAt) === clock.day(batch.startAt) ? clock.time(batch.endAt) : clock.dateTime(batch.endAt)} (studio time)`}
        actions={<Button variant="ghost" onClick={onClose} aria-label="Close">✕</Button>}
      >
        {batch.runStartAt && batch.runEndAt && (
          <p className="mb-2 text-sm text-stone-700">Machine runs {clock.time(batch.runStartAt)}–{clock.time(batch.runEndAt)} on its own; loading and unloading take {batch.workMinutes} min of work.</p>
        )}
        {pinned && <p className="mb-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="pin-reason"><PinIcon /> {pinned}</p>}
        <p className="mb-3 rounded-lg bg-stone-50 px-3 py-2 text-sm text-stone-700" data-testid="bench-progress">
          {bench && bench.status !== "OPEN"
            ? `${bench.status.charAt(0)}${bench.status.slice(1).toLowerCase()}${bench.claimedBy ? ` by ${bench.claimedBy}` : ""} · ${bench.piecesDone} of ${batch.pieces} done${bench.piecesScrapped ? ` · ${bench.piecesScrapped} scrapped` : ""}`
            : "Not started at the bench yet."}
        </p>
        <ul className="mb-4 space-y-1 text-sm" aria-label="Pieces in this batch">
          {batch.items.map((item) => (
            <li key={item.id} className={item.late ? "text-red-700" : ""}>
              <Link className="font-medium hover:underline" href={`/s/${studio.slug}/orders/${item.orderLine.order.id}`}>#{item.orderLine.order.number}</Link>{" "}
              {item.orderLine.designName} — {item.orderLine.variantName}: {item.pieces} pcs
              {item.stepName !== batch.stepName && <span className="text-stone-600"> · {item.stepName}</span>}{" "}
              <span className="text-xs text-stone-500">due {clock.day(item.orderLine.dueDate)}{item.late ? " · late" : ""}</span>
              {item.remake && <span className="ml-1 rounded bg-rose-50 px-1.5 text-xs text-rose-800">↻ remake: scrapped at {item.remake.stepName} ({item.remake.reason})</span>}
            </li>
          ))}
        </ul>
        <Link className={buttonClasses("secondary", "mb-4 w-full")} href={`/s/${studio.slug}/plan/batches/${batch.id}/print`}>Batch sheet</Link>
        {canEdit && batch.status === "PLANNED" && (
          <div className="space-y-4 border-t border-stone-200 pt-4">
            <div className="space-y-2">
              <TextField label="Start (studio time)" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
              <SelectField label="Person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
                {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </SelectField>
              <Button className="w-full" loading={move.isPending} disabled={!start} onClick={() => move.mutate({ ...base, startAt: startAt(), personId })}>Move</Button>
            </div>
            <Button variant="secondary" className="w-full" loading={lock.isPending} onClick={() => lock.mutate({ ...base, locked: !batch.locked })}>{batch.locked ? "Unpin" : "Pin here"}</Button>
            {batch.pieces > 1 && (
              <div className="flex items-end gap-2">
                <TextField label="Pieces to split off" type="number" inputMode="numeric" min={1} max={batch.pieces - 1} value={splitPieces} onChange={(e) => setSplitPieces(Number(e.target.value))} />
                <Button variant="secondary" loading={split.isPending} onClick={() => split.mutate({ ...base, pieces: splitPieces })}>Split</Button>
              </div>
            )}
            <div className="flex items-end gap-2">
              <TextField label={machine ? "Loading takes (min)" : "Takes (working min)"} type="number" inputMode="numeric" min={1} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} />
              <Button variant="secondary" loading={resize.isPending} onClick={() => resize.mutate({ ...base, minutes })}>Resize</Button>
            </div>
            {mergeable.length > 0 && (
              <div className="flex items-end gap-2">
                <SelectField label="Merge with" value={mergeWith} onChange={(e) => setMergeWith(e.target.value)}>
                  <option value="">Choose a batch…</option>
                  {mergeable.map((b) => <option key={b.id} value={b.id}>{`${b.stepName} · ${b.pieces} pcs · ${clock.dateTime(b.startAt)}`}</option>)}
                </SelectField>
                <Button variant="secondary" disabled={!mergeWith} loading={merge.isPending}
                  onClick={() => { const other = mergeable.find((b) => b.id === mergeWith)!; merge.mutate({ ...base, otherBatchId: other.id, otherExpectedVersion: other.version }); }}>Merge</Button>
              </div>
            )}
          </div>
        )}
        {error && <div className="mt-3"><Alert>{error.message}</Alert></div>}
        {notice && !error && <div className="mt-3"><Alert tone="info">{notice}</Alert></div>}
      </Card>
    </div>
  );
}
