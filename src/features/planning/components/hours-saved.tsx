import type { PlanFigures } from "../server/save";

const hours = (minutes: number) => `${(minutes / 60).toFixed(1)} h`;

/** "Hours saved by batching": naive (one order line at a time) vs planned setup hours and makespan. */
export function HoursSaved({ figures }: { figures: PlanFigures }) {
  const naive = figures.naive;
  if (!naive) return null;
  const saved = naive.setupHours - figures.planned.setupHours;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="hours-saved">
      <Figure label="Hours saved by batching" value={`${saved.toFixed(1)} h`} note={`${naive.setupHours.toFixed(1)} h of setups one piece-line at a time → ${figures.planned.setupHours.toFixed(1)} h`} />
      <Figure label="Setups" value={`${figures.planned.setups}`} note={`instead of ${naive.setups}`} />
      <Figure label="Finish all work in" value={hours(figures.planned.makespanMinutes)} note={`instead of ${hours(naive.makespanMinutes)} (clock time)`} />
      <Figure label="Late order lines" value={`${figures.planned.lateOrderLines}`} note={figures.planned.lateOrderLines ? `${hours(figures.planned.totalLatenessMinutes)} late in total` : "everything on time"} />
    </div>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-3 sm:p-4">
      <p className="text-xs font-medium uppercase tracking-wide text-stone-500">{label}</p>
      <p className="mt-1 text-xl font-semibold sm:text-2xl">{value}</p>
      <p className="mt-1 text-xs text-stone-600">{note}</p>
    </div>
  );
}
