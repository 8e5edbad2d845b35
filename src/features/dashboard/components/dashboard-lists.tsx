"use client";

import Link from "next/link";
import { EmptyState } from "~/components/ui/card";
import { formatQuantity, type MaterialUnitName } from "~/lib/units";
import { useStudioFormat } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";

type Line = { id: string; orderId: string; orderNumber: number; customerName: string; designName: string; variantName: string; quantity: number; dueDate: Date; daysLate?: number };


/** Order lines with their order, design and due day; `late` shows how many days they are overdue. */
export function LineTable({ lines, slug, late = false, empty }: { lines: Line[]; slug: string; late?: boolean; empty: { title: string; body: string } }) {
  const clock = useStudioTime();
  if (lines.length === 0) return <EmptyState title={empty.title}>{empty.body}</EmptyState>;
  // A busy studio has dozens of lines due: the list scrolls inside its card instead of stretching the page.
  return (
    <div className="max-h-[28rem] overflow-auto" tabIndex={0} aria-label={late ? "Late order lines" : "Order lines due soon"}>
      <table className="w-full text-left text-sm">
        <thead className="sticky top-0 bg-white text-xs uppercase tracking-wide text-stone-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Order</th>
            <th className="py-2 pr-3 font-medium">Design</th>
            <th className="py-2 pr-3 text-right font-medium">Pieces</th>
            <th className="py-2 pr-3 font-medium">Due</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {lines.map((line) => (
            <tr key={line.id}>
              <td className="py-2 pr-3">
                <Link href={`/s/${slug}/orders/${line.orderId}`} className="font-medium text-brand-700 hover:underline">
                  #{line.orderNumber}
                </Link>{" "}
                <span className="text-stone-600">{line.customerName}</span>
              </td>
              <td className="py-2 pr-3">
                {line.designName} <span className="text-stone-500">· {line.variantName}</span>
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{line.quantity}</td>
              <td className="py-2 pr-3 whitespace-nowrap">
                {clock.day(line.dueDate)}
                {late && line.daysLate && <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">{line.daysLate} d late</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LowStockTable({ materials, slug }: { materials: Array<{ id: string; name: string; unit: string; onHandMilli: number; reorderPointMilli: number }>; slug: string }) {
  const format = useStudioFormat();
  const qty = (milli: number, unit: string) => formatQuantity(milli, unit as MaterialUnitName, format);
  if (materials.length === 0) {
    return <EmptyState title="Stock is above every reorder point">Set reorder points on the Materials page to be warned here before you run out.</EmptyState>;
  }
  return (
    <ul className="divide-y divide-stone-100 text-sm">
      {materials.map((m) => (
        <li key={m.id} className="flex items-center justify-between gap-3 py-2">
          <Link href={`/s/${slug}/materials`} className="font-medium text-brand-700 hover:underline">{m.name}</Link>
          <span className="tabular-nums text-stone-700">
            {qty(m.onHandMilli, m.unit)} <span className="text-stone-500">/ reorder at {qty(m.reorderPointMilli, m.unit)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function LabourTable({ designs }: { designs: Array<{ designName: string; piecesDone: number; actualMinutes: number; standardMinutes: number }> }) {
  if (designs.length === 0) {
    return <EmptyState title="No completed bench work in this range">Labour figures appear once assistants complete batches on the Bench page, with the timer running.</EmptyState>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-stone-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Design</th>
            <th className="py-2 pr-3 text-right font-medium">Pieces</th>
            <th className="py-2 pr-3 text-right font-medium">Actual min / piece</th>
            <th className="py-2 pr-3 text-right font-medium">Standard min / piece</th>
            <th className="py-2 pr-3 text-right font-medium">Difference</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {designs.map((d) => {
            const diff = d.standardMinutes > 0 ? (d.actualMinutes - d.standardMinutes) / d.standardMinutes : null;
            return (
              <tr key={d.designName}>
                <td className="py-2 pr-3 font-medium">{d.designName}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{d.piecesDone}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{d.actualMinutes.toFixed(1)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{d.standardMinutes.toFixed(1)}</td>
                <td className={`py-2 pr-3 text-right tabular-nums ${diff !== null && diff > 0.1 ? "text-red-700" : "text-stone-700"}`}>
                  {diff === null ? "—" : `${diff > 0 ? "+" : ""}${Math.round(diff * 100)} %`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
