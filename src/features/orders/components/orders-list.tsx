"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { buttonClasses } from "~/components/ui/button";
import { Alert, EmptyState } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import { useStudioLive } from "~/features/studios/components/use-studio-live";
import { ORDER_KIND_LABELS, ORDER_STATUSES, ORDER_STATUS_LABELS } from "../server/schemas";
import { FlagBadge } from "./order-progress";

export function OrdersList() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const clock = useStudioTime();
  const canEdit = useCan("orders:edit");
  const [status, setStatus] = useState<(typeof ORDER_STATUSES)[number] | "">("");
  const [search, setSearch] = useState("");
  const orders = useQuery(trpc.order.list.queryOptions({ studioId: studio.id, status: status || undefined, search: search || undefined }));
  const ids = orders.data?.map((order) => order.id) ?? [];
  const outlook = useQuery({ ...trpc.order.outlook.queryOptions({ studioId: studio.id, ids }), enabled: ids.length > 0 });
  // Status and progress follow the bench and the plan live.
  useStudioLive(["order.", "plan.", "bench."], [trpc.order.list.queryKey(), trpc.order.outlook.queryKey()]);
  const base = `/s/${studio.slug}/orders`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Orders</h1>
        {canEdit && (
          <div className="flex gap-2">
            <Link href={`${base}/import`} className={buttonClasses("secondary")}>Import CSV</Link>
            <Link href={`${base}/new`} className={buttonClasses("primary")}>New order</Link>
          </div>
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-[1fr_200px]">
        <TextField label="Search" placeholder="Customer, design, SKU or #number" value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="">All</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>{ORDER_STATUS_LABELS[s]}</option>
          ))}
        </SelectField>
      </div>
      {orders.isPending ? (
        <Spinner label="Loading orders…" />
      ) : orders.isError ? (
        <Alert>{orders.error.message}</Alert>
      ) : orders.data.length === 0 ? (
        <EmptyState title="No orders yet" action={canEdit ? <Link href={`${base}/new`} className={buttonClasses()}>Enter an order</Link> : undefined}>
          Enter orders by hand or import an Etsy or Shopify export, then plan your batches.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                <th className="px-3 py-2">#</th><th className="px-3 py-2">Customer</th><th className="px-3 py-2">Kind</th>
                <th className="px-3 py-2">Source</th><th className="px-3 py-2">Pieces</th><th className="px-3 py-2">Due</th><th className="px-3 py-2">Status</th><th className="px-3 py-2">Progress</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.map((order) => (
                <tr key={order.id} className="border-t border-stone-100 hover:bg-stone-50">
                  <td className="px-3 py-2 font-medium"><Link className="text-brand-700 hover:underline" href={`${base}/${order.id}`}>#{order.number}</Link></td>
                  <td className="px-3 py-2">{order.customerName || "—"}</td>
                  <td className="px-3 py-2">{ORDER_KIND_LABELS[order.kind]}</td>
                  <td className="px-3 py-2">{order.source === "MANUAL" ? "Manual" : `${order.source[0]}${order.source.slice(1).toLowerCase()} ${order.externalRef ?? ""}`}</td>
                  <td className="px-3 py-2">{order.pieces}</td>
                  <td className="px-3 py-2">{order.dueDate ? clock.day(order.dueDate) : "—"}</td>
                  <td className="px-3 py-2" data-testid="order-status">{ORDER_STATUS_LABELS[order.status]}</td>
                  <td className="px-3 py-2">
                    {outlook.data?.[order.id] && order.status !== "CANCELLED" && (
                      <span className="flex items-center gap-2 whitespace-nowrap">
                        <span className="tabular-nums text-stone-700">{outlook.data[order.id]!.finished}/{outlook.data[order.id]!.pieces}</span>
                        <FlagBadge flag={outlook.data[order.id]!.flag} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
