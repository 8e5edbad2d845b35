"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { dayFromDate } from "../server/schemas";
import { OrderForm } from "./order-form";

export function OrderEdit({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const canEdit = useCan("orders:edit");
  const order = useQuery({ ...trpc.order.get.queryOptions({ studioId: studio.id, id: orderId }), staleTime: Infinity });
  if (!canEdit) return <Alert>Only owners and admins can change orders.</Alert>;
  if (order.isPending) return <Spinner label="Loading order…" />;
  if (order.isError) return <Alert>{order.error.message}</Alert>;
  const o = order.data;
  if (o.status === "DONE" || o.status === "CANCELLED") return <Alert>This order is {o.status === "DONE" ? "done" : "cancelled"}. Reopen it before changing it.</Alert>;
  const open = o.lines.filter((line) => line.status === "OPEN");
  return (
    <OrderForm
      existing={{
        id: o.id,
        version: o.version,
        committed: Object.fromEntries(open.map((line) => [line.id, line.committedPieces])),
        values: {
          kind: o.kind,
          customerName: o.customerName,
          notes: o.notes,
          lines: open.map((line) => ({ id: line.id, variantId: line.variantId, quantity: line.quantity, dueDate: dayFromDate(line.dueDate, studio.timeZone) })),
        },
      }}
    />
  );
}
