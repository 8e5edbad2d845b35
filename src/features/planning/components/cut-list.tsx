"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Alert, Card, EmptyState } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { dimensionOf, formatGauge, formatNumber, formatQuantity, type MaterialUnitName, type StudioFormat } from "~/lib/units";
import { useCurrentStudio, useStudioFormat } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { addDays, isDay, startOfStudioDay } from "~/server/time-zone";
import { useTRPC } from "~/trpc/react";

type Materials = Array<{
  key: string; name: string; alloy: string | null; gauge: string | null; unit: string; requiredMilli: number; onHandMilli: number | null; shortageMilli: number;
  cuts: Array<{ quantityMilli: number; pieces: number }>;
}>;

/** "12 × 55 mm, 4 × 70 mm": what to cut per piece, for lengths (wire, chain, tube). */
function cutsText(m: Materials[number], format: StudioFormat): string | null {
  const unit = m.unit as MaterialUnitName;
  if (dimensionOf(unit) !== "length" || m.cuts.length === 0) return null;
  return m.cuts.map((cut) => `${formatNumber(cut.pieces, format.locale, 0)} × ${formatQuantity(cut.quantityMilli, unit, format)}`).join(", ");
}

export function MaterialsTable({ materials }: { materials: Materials }) {
  const format = useStudioFormat();
  return (
    <div className="overflow-x-auto">
    <table className="w-full text-left text-sm">
      <thead className="text-stone-600"><tr><th className="py-1 pr-2">Material</th><th className="py-1 pr-2">Alloy</th><th className="py-1 pr-2">Gauge</th><th className="py-1 pr-2">Cut per piece</th><th className="py-1 pr-2">Total</th><th className="py-1 pr-2">On hand</th><th className="py-1">Short</th></tr></thead>
      <tbody>
        {materials.map((m) => (
          <tr key={m.key} className="border-t border-stone-100">
            <td className="py-1 pr-2">{m.name}</td><td className="py-1 pr-2">{m.alloy ?? "—"}</td><td className="py-1 pr-2">{m.gauge ? formatGauge(m.gauge) : "—"}</td>
            <td className="py-1 pr-2" data-testid="cuts">{cutsText(m, format) ?? "—"}</td>
            <td className="py-1 pr-2 font-medium">{formatQuantity(m.requiredMilli, m.unit as MaterialUnitName, format)}</td>
            <td className="py-1 pr-2">{m.onHandMilli === null ? "not in your inventory" : formatQuantity(m.onHandMilli, m.unit as MaterialUnitName, format)}</td>
            <td className={`py-1 ${m.shortageMilli ? "font-semibold text-red-700" : "text-stone-500"}`}>{m.shortageMilli ? formatQuantity(m.shortageMilli, m.unit as MaterialUnitName, format) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

/** The cut list for [from, to) — studio-local days "YYYY-MM-DD" (default: the week from the first day with work). */
export function CutList({ from, to }: { from?: string; to?: string }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const board = useQuery({ ...trpc.planning.boardStart.queryOptions({ studioId: studio.id }), enabled: !(from && isDay(from)) });
  if (from && isDay(from)) return <CutListFor from={from} to={to} />;
  if (board.isPending) return <Spinner label="Adding up materials…" />;
  if (board.isError) return <Alert>{board.error.message}</Alert>;
  return <CutListFor from={board.data.firstDay} to={to} />;
}

function CutListFor({ from, to }: { from: string; to?: string }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const clock = useStudioTime();
  // Studio-local days: from `from` up to the start of `to` (default a week later).
  const next = to && isDay(to) && to > from ? to : addDays(from, 7);
  const start = startOfStudioDay(clock.timeZone, from);
  const end = startOfStudioDay(clock.timeZone, next);
  const list = useQuery(trpc.planning.cutList.queryOptions({ studioId: studio.id, from: start, to: end }));
  const day = clock.date;
  return (
    <div className="space-y-5">
      <Link href={`/s/${studio.slug}/plan`} className="text-sm font-medium text-brand-700 hover:underline print:hidden">← Back to the plan</Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
        <h1 className="text-2xl font-semibold tracking-tight">Cut list</h1>
        <p className="text-sm text-stone-600">
          Everything to cut at once for the pieces that start production {day(start)} – {day(new Date(end.getTime() - 1))} (batches of each design&apos;s first step; findings go on later and are on their steps&apos; batch sheets).
        </p>
        </div>
        {list.data && list.data.pieces > 0 && <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>Print</Button>}
      </div>
      {list.isPending ? <Spinner label="Adding up materials…" /> : list.isError ? <Alert>{list.error.message}</Alert> : list.data.pieces === 0 ? (
        <EmptyState title="Nothing starts in this period">Plan your orders, or pick another week on the plan board.</EmptyState>
      ) : (
        <>
          <Card title="Materials"><MaterialsTable materials={list.data.materials} /></Card>
          <Card title={`Pieces per design (${list.data.pieces})`}>
            <ul className="text-sm">{list.data.designs.map((d) => <li key={`${d.design}|${d.variant}`}>{d.pieces} × {d.design} — {d.variant}</li>)}</ul>
          </Card>
        </>
      )}
    </div>
  );
}
