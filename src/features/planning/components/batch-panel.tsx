"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { dayOf } from "~/server/time-zone";
import { useTRPC } from "~/trpc/react";

type Item = { id: string; pieces: number; late: boolean; orderLine: { designName: string; variantName: string; dueDate: Date; order: { id: string; number: number; customerName: string } } };
type PanelBatch = { id: string; personId: string; stationId: string; stepName: string; family: string | null; pieces: number; startAt: Date; endAt: Date; locked: boolean; status: string; version: number; items: Item[];
  bench?: { status: string; piecesDone: number; piecesScrapped: number; claimedBy: string | null } | null };

const toLocalInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function BatchPanel({ batch, people, batches, onClose }: { batch: PanelBatch; people: Array<{ id: string; name: string }>; batches: PanelBatch[]; onClose: () => void }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const canEdit = useCan("planning:run");
  const queryClient = useQueryClient();
  const [start, setStart] = useState(toLocalInput(batch.startAt));
  const [personId, setPersonId] = useState(batch.personId);
  const [splitPieces, setSplitPieces] = useState(Math.floor(batch.pieces / 2) || 1);
  const [mergeWith, setMergeWith] = useState("");
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.planning.pathKey() });
  const move = useMutation(trpc.planning.moveBatch.mutationOptions({ onSuccess }));
  const lock = useMutation(trpc.planning.setBatchLocked.mutationOptions({ onSuccess }));
  const split = useMutation(trpc.planning.splitBatch.mutationOptions({ onSuccess }));
  const merge = useMutation(trpc.planning.mergeBatches.mutationOptions({ onSuccess }));
  const error = move.error ?? lock.error ?? split.error ?? merge.error;
  const mergeable = batches.filter((b) => b.id !== batch.id && b.stationId === batch.stationId && b.status === "PLANNED" && (batch.family ? b.family === batch.family : b.stepName === batch.stepName));
  const base = { studioId: studio.id, batchId: batch.id, expectedVersion: batch.version };
  const ref = useRef<HTMLDivElement>(null);
  // On a phone the panel sits below the board: bring it into view when a batch is picked.
  useEffect(() => { ref.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" }); }, [batch.id]);
  const bench = batch.bench;

  return (
    <div ref={ref} className="scroll-mt-4" data-testid="batch-panel">
    <Card title={`${batch.stepName} · ${batch.pieces} pcs`} description={`${batch.startAt.toLocaleString()} – ${batch.endAt.toLocaleTimeString()}${batch.locked ? " · locked" : ""}`}
      actions={<Button variant="ghost" onClick={onClose} aria-label="Close">✕</Button>}>
      <p className="mb-3 rounded-lg bg-stone-50 px-3 py-2 text-sm text-stone-700" data-testid="bench-progress">
        {bench && bench.status !== "OPEN"
          ? `${bench.status.charAt(0)}${bench.status.slice(1).toLowerCase()}${bench.claimedBy ? ` by ${bench.claimedBy}` : ""} · ${bench.piecesDone} of ${batch.pieces} done${bench.piecesScrapped ? ` · ${bench.piecesScrapped} scrapped` : ""}`
          : "Not started at the bench yet."}
      </p>
      <ul className="mb-4 space-y-1 text-sm" aria-label="Pieces in this batch">
        {batch.items.map((item) => (
          <li key={item.id} className={item.late ? "text-red-700" : ""}>
            <Link className="font-medium hover:underline" href={`/s/${studio.slug}/orders/${item.orderLine.order.id}`}>#{item.orderLine.order.number}</Link>{" "}
            {item.orderLine.designName} — {item.orderLine.variantName}: {item.pieces} pcs <span className="text-xs text-stone-500">due {dayOf(studio.timeZone, item.orderLine.dueDate)}{item.late ? " · late" : ""}</span>
          </li>
        ))}
      </ul>
      <Link className={buttonClasses("secondary", "mb-4 w-full")} href={`/s/${studio.slug}/plan/batches/${batch.id}/print`}>Batch sheet</Link>
      {canEdit && batch.status === "PLANNED" && (
        <div className="space-y-4 border-t border-stone-200 pt-4">
          <div className="space-y-2">
            <TextField label="Start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
            <SelectField label="Person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
              {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </SelectField>
            <Button className="w-full" loading={move.isPending} onClick={() => move.mutate({ ...base, startAt: new Date(start), personId })}>Move</Button>
          </div>
          <Button variant="secondary" className="w-full" loading={lock.isPending} onClick={() => lock.mutate({ ...base, locked: !batch.locked })}>{batch.locked ? "Unlock" : "Lock"}</Button>
          {batch.pieces > 1 && (
            <div className="flex items-end gap-2">
              <TextField label="Pieces to split off" type="number" min={1} max={batch.pieces - 1} value={splitPieces} onChange={(e) => setSplitPieces(Number(e.target.value))} />
              <Button variant="secondary" loading={split.isPending} onClick={() => split.mutate({ ...base, pieces: splitPieces })}>Split</Button>
            </div>
          )}
          {mergeable.length > 0 && (
            <div className="flex items-end gap-2">
              <SelectField label="Merge with" value={mergeWith} onChange={(e) => setMergeWith(e.target.value)}>
                <option value="">Choose a batch…</option>
                {mergeable.map((b) => <option key={b.id} value={b.id}>{`${b.stepName} · ${b.pieces} pcs · ${b.startAt.toLocaleString()}`}</option>)}
              </SelectField>
              <Button variant="secondary" disabled={!mergeWith} loading={merge.isPending}
                onClick={() => { const other = mergeable.find((b) => b.id === mergeWith)!; merge.mutate({ ...base, otherBatchId: other.id, otherExpectedVersion: other.version }); }}>Merge</Button>
            </div>
          )}
        </div>
      )}
      {error && <div className="mt-3"><Alert>{error.message}</Alert></div>}
    </Card>
    </div>
  );
}
