"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import { MaterialsTable } from "./cut-list";

/** Printable batch sheet. Print CSS (globals in this component) hides the app header and buttons. */
export function BatchSheet({ batchId }: { batchId: string }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const clock = useStudioTime();
  const sheet = useQuery(trpc.planning.batchSheet.queryOptions({ studioId: studio.id, batchId }));
  if (sheet.isPending) return <Spinner label="Preparing the batch sheet…" />;
  if (sheet.isError) return <Alert>{sheet.error.message}</Alert>;
  const { batch, stationName, personName, routings, materials } = sheet.data;
  return (
    <article className="batch-sheet mx-auto max-w-3xl space-y-5 bg-white p-4 sm:p-6 text-stone-900 print:max-w-none print:p-0">
      {/* The studio layout hides its header and banners in print; this hides the sheet's own buttons. */}
      <style>{`@media print { .no-print { display: none !important; } body { background: white; } }`}</style>
      <Link href={`/s/${studio.slug}/plan`} className="no-print text-sm font-medium text-brand-700 hover:underline">← Back to the plan</Link>
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-xs uppercase tracking-wide text-stone-500">Batch sheet · {studio.name}</p>
          <h1 className="text-2xl font-semibold">{batch.stepName} — {batch.pieces} pieces</h1>
          <p className="text-sm">{stationName} · {personName} · {clock.dateTime(batch.startAt)} – {clock.day(batch.endAt) === clock.day(batch.startAt) ? clock.time(batch.endAt) : clock.dateTime(batch.endAt)} ({clock.timeZone})</p>
          <p className="text-sm text-stone-600">Setup {batch.setupMinutes} min · total {batch.workMinutes} min{batch.family ? ` · family ${batch.family}` : ""}</p>
        </div>
        <Button className="no-print" onClick={() => window.print()}>Print</Button>
      </div>
      <section>
        <h2 className="mb-2 font-semibold">Pieces per order</h2>
        <div className="overflow-x-auto"><table className="w-full border-collapse text-sm">
          <thead><tr className="border-b border-stone-400 text-left"><th className="py-1 pr-3">Done</th><th className="py-1 pr-3">Order</th><th className="py-1 pr-3">Design</th><th className="py-1 pr-3">Pieces</th><th className="py-1">Due</th></tr></thead>
          <tbody>
            {batch.items.map((item) => (
              <tr key={item.id} className="border-b border-stone-200">
                <td className="py-2 pr-3"><span className="inline-block size-4 border border-stone-700" aria-hidden="true" /></td>
                <td className="py-2 pr-3">#{item.orderLine.order.number} {item.orderLine.order.customerName}</td>
                <td className="py-2 pr-3">{item.orderLine.designName} — {item.orderLine.variantName} <span className="text-xs text-stone-500">{item.orderLine.sku}</span></td>
                <td className="py-2 pr-3 font-medium">{item.pieces}</td>
                <td className="py-2">{clock.day(item.orderLine.dueDate)}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      </section>
      <section>
        <h2 className="mb-2 font-semibold">Steps</h2>
        {routings.map((r) => (
          <div key={r.designName} className="mb-2 text-sm">
            <p className="font-medium">{r.designName}</p>
            <ol className="ml-5 list-decimal">
              {r.steps.map((s) => <li key={s.position} className={s.position === r.currentPosition ? "font-semibold" : "text-stone-600"}>{s.name} <span className="text-xs">({s.stationName})</span>{s.position === r.currentPosition ? " ← this batch" : ""}</li>)}
            </ol>
          </div>
        ))}
      </section>
      <section>
        <h2 className="mb-2 font-semibold">Materials for these pieces</h2>
        {materials.length ? <MaterialsTable materials={materials} /> : <p className="text-sm text-stone-500">No bill of materials.</p>}
      </section>
      <section className="grid gap-2 pt-4 text-sm sm:grid-cols-3 sm:gap-4">
        {["Setup done", "All pieces checked", "Passed on to next step"].map((label) => (
          <p key={label}><span className="mr-2 inline-block size-4 border border-stone-700 align-middle" />{label}</p>
        ))}
      </section>
    </article>
  );
}
