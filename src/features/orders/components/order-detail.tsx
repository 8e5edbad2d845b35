"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { LIVE_FALLBACK_POLL_MS, useStudioLive } from "~/features/studios/components/use-studio-live";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import { ORDER_KIND_LABELS, ORDER_STATUS_LABELS } from "../server/schemas";
import { OrderProgress } from "./order-progress";

/** While a re-plan started by an order change runs: its progress, then fresh batches on the order. */
function ReplanNotice() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const queryClient = useQueryClient();
  const runs = useQuery({ ...trpc.planning.latestRuns.queryOptions({ studioId: studio.id }), refetchInterval: (q) => (q.state.data?.active ? LIVE_FALLBACK_POLL_MS : false) });
  useStudioLive(["run.status"], [trpc.planning.latestRuns.queryKey()]);
  const active = runs.data?.active;
  useEffect(() => {
    if (runs.data && !active) void queryClient.invalidateQueries({ queryKey: trpc.order.get.queryKey() });
  }, [runs.data, active, queryClient, trpc]);
  if (!runs.data) return null;
  if (active) return <Alert tone="info"><Spinner /> Updating the plan: {active.message} ({active.progress} %)</Alert>;
  const last = runs.data.last;
  if (last?.status === "FAILED") return <Alert>The plan could not be updated: {last.message}</Alert>;
  return <Alert tone="success">Saved. The plan follows the change.</Alert>;
}

export function OrderDetail({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const clock = useStudioTime();
  const canEdit = useCan("orders:edit");
  const queryClient = useQueryClient();
  const params = useSearchParams();
  const [replanning, setReplanning] = useState(params.get("replanned") === "1");
  const [confirmCancel, setConfirmCancel] = useState(false);
  const order = useQuery(trpc.order.get.queryOptions({ studioId: studio.id, id: orderId }));
  const setStatus = useMutation(
    trpc.order.setStatus.mutationOptions({
      onSuccess: (result) => {
        setConfirmCancel(false);
        if (result.replan === "queued") setReplanning(true);
        return queryClient.invalidateQueries({ queryKey: trpc.order.pathKey() });
      },
    }),
  );
  if (order.isPending) return <Spinner label="Loading order…" />;
  if (order.isError) return <Alert>{order.error.message}</Alert>;
  const o = order.data;
  const editable = o.status === "OPEN" || o.status === "IN_PRODUCTION";
  const change = (status: "OPEN" | "DONE" | "CANCELLED") => setStatus.mutate({ studioId: studio.id, id: o.id, expectedVersion: o.version, status });
  return (
    <div className="space-y-6">
      <nav className="flex flex-wrap gap-4 text-sm font-medium text-brand-700" aria-label="Order">
        <Link href={`/s/${studio.slug}/orders`} className="hover:underline">← All orders</Link>
        <Link href={`/s/${studio.slug}/plan`} className="hover:underline">Plan board</Link>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Order #{o.number} {o.customerName && `· ${o.customerName}`}</h1>
        <span className="rounded-full bg-stone-100 px-3 py-1 text-sm">{ORDER_STATUS_LABELS[o.status]}</span>
      </div>
      <p className="text-sm text-stone-600">{ORDER_KIND_LABELS[o.kind]} · {o.source === "MANUAL" ? "entered by hand" : `imported from ${o.source.toLowerCase()} (${o.externalRef})`}</p>
      {o.notes && <p className="whitespace-pre-line text-sm text-stone-700">{o.notes}</p>}
      {replanning && <ReplanNotice />}
      <Card title="Lines">
        <ul className="divide-y divide-stone-100 text-sm">
          {o.lines.map((line) => (
            <li key={line.id} className={`py-2 ${line.status === "CANCELLED" && o.status !== "CANCELLED" ? "text-stone-400" : ""}`}>
              <div className="flex flex-wrap justify-between gap-2">
                <span className={`font-medium ${line.status === "CANCELLED" && o.status !== "CANCELLED" ? "line-through" : ""}`}>
                  {line.quantity} × {line.designName} — {line.variantName} <span className="text-stone-500">({line.sku})</span>
                </span>
                <span>{line.status === "CANCELLED" && o.status !== "CANCELLED" ? "removed" : `due ${clock.day(line.dueDate)}`}</span>
              </div>
              {line.batchItems.length > 0 && line.status === "OPEN" && (
                <p className="text-xs text-stone-500">
                  In batches: {line.batchItems.map((item) => `${item.batch.stepName} ${item.pieces} pcs ${clock.date(item.batch.startAt)}`).join(" · ")}
                </p>
              )}
            </li>
          ))}
        </ul>
      </Card>
      <OrderProgress orderId={o.id} />
      {canEdit && (
        <div className="flex flex-wrap gap-2">
          {editable && <Link href={`/s/${studio.slug}/orders/${o.id}/edit`} className={buttonClasses("primary")}>Edit order</Link>}
          {editable && <Button variant="secondary" loading={setStatus.isPending && setStatus.variables?.status === "DONE"} onClick={() => change("DONE")}>Mark done</Button>}
          {editable && !confirmCancel && <Button variant="danger" onClick={() => setConfirmCancel(true)}>Cancel order</Button>}
          {!editable && <Button variant="secondary" loading={setStatus.isPending} onClick={() => change("OPEN")}>Reopen</Button>}
        </div>
      )}
      {confirmCancel && (
        <div role="alertdialog" aria-labelledby="cancel-title" className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-4">
          <p id="cancel-title" className="text-sm text-red-900">
            Cancel order #{o.number}? Its lines leave the plan (pieces already started stay on the bench). You can reopen it later.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" loading={setStatus.isPending} onClick={() => change("CANCELLED")}>Yes, cancel the order</Button>
            <Button variant="ghost" onClick={() => setConfirmCancel(false)}>Keep it</Button>
          </div>
        </div>
      )}
      {setStatus.isError && <Alert>{setStatus.error.message}</Alert>}
      {o.history.length > 0 && (
        <Card title="History">
          <ul className="space-y-2 text-sm">
            {o.history.map((event) => (
              <li key={event.id}>
                <span className="text-stone-500">{clock.dateTime(event.createdAt)} · {event.by}:</span> {event.summary}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
