"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import { ORDER_KIND_LABELS, ORDER_STATUS_LABELS } from "../schemas";
import { OrderProgress } from "./order-progress";

export function OrderDetail({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const clock = useStudioTime();
  const canEdit = useCan("orders:edit");
  const queryClient = useQueryClient();
  const order = useQuery(trpc.order.get.queryOptions({ studioId: studio.id, id: orderId }));
  const setStatus = useMutation(trpc.order.setStatus.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.order.pathKey() }) }));
  if (order.isPending) return <Spinner label="Loading order…" />;
  if (order.isError) return <Alert>{order.error.message}</Alert>;
  const o = order.data;
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
      <Card title="Lines">
        <ul className="divide-y divide-stone-100 text-sm">
          {o.lines.map((line) => (
            <li key={line.id} className="py-2">
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium">{line.quantity} × {line.designName} — {line.variantName} <span className="text-stone-500">({line.sku})</span></span>
                <span>due {clock.day(line.dueDate)}</span>
              </div>
              {line.batchItems.length > 0 && (
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
          {o.status !== "DONE" && <Button variant="secondary" onClick={() => setStatus.mutate({ studioId: studio.id, id: o.id, expectedVersion: o.version, status: "DONE" })}>Mark done</Button>}
          {o.status !== "CANCELLED" && <Button variant="danger" onClick={() => setStatus.mutate({ studioId: studio.id, id: o.id, expectedVersion: o.version, status: "CANCELLED" })}>Cancel order</Button>}
          {o.status !== "OPEN" && <Button variant="ghost" onClick={() => setStatus.mutate({ studioId: studio.id, id: o.id, expectedVersion: o.version, status: "OPEN" })}>Reopen</Button>}
        </div>
      )}
      {setStatus.isError && <Alert>{setStatus.error.message}</Alert>}
    </div>
  );
}
