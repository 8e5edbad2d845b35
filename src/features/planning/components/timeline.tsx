"use client";

// Day/week timeline: one row per person (or station), one column per day showing 07:00–19:00 local time.

export type BoardBatch = {
  id: string;
  personId: string;
  stationId: string;
  stepName: string;
  family: string | null;
  pieces: number;
  startAt: Date;
  endAt: Date;
  locked: boolean;
  late: boolean;
};

const DAY_START_H = 7;
const DAY_HOURS = 12;
const PALETTE = ["bg-sky-200 border-sky-500", "bg-amber-200 border-amber-500", "bg-emerald-200 border-emerald-500", "bg-violet-200 border-violet-500", "bg-rose-200 border-rose-500", "bg-lime-200 border-lime-500", "bg-cyan-200 border-cyan-500"];

export function colourFor(key: string): string {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/** Position of an instant inside the visible grid, as a fraction 0..1 (null when outside). */
function fraction(at: Date, days: Date[]): number | null {
  const index = days.findIndex((d) => at.getTime() >= d.getTime() && at.getTime() < d.getTime() + 86_400_000);
  if (index < 0) return null;
  const minutes = (at.getTime() - days[index]!.getTime()) / 60_000 - DAY_START_H * 60;
  const within = Math.min(Math.max(minutes / (DAY_HOURS * 60), 0), 1);
  return (index + within) / days.length;
}

export function Timeline({ days, rows, batches, rowKey, selectedId, onSelect }: {
  days: Date[];
  rows: Array<{ id: string; name: string }>;
  batches: BoardBatch[];
  rowKey: "personId" | "stationId";
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const minWidth = days.length > 1 ? 1100 : 700;
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white" data-testid="plan-board">
      <div style={{ minWidth }}>
        <div className="grid border-b border-stone-200 text-xs text-stone-600" style={{ gridTemplateColumns: `140px repeat(${days.length}, 1fr)` }}>
          <div className="px-2 py-2 font-medium">{rowKey === "personId" ? "Person" : "Station"}</div>
          {days.map((d) => (
            <div key={d.toISOString()} className="border-l border-stone-200 px-2 py-2">
              {d.toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short" })} <span className="text-stone-400">{DAY_START_H}–{DAY_START_H + DAY_HOURS}h</span>
            </div>
          ))}
        </div>
        {rows.map((row) => (
          <div key={row.id} className="grid border-b border-stone-100" style={{ gridTemplateColumns: `140px 1fr` }}>
            <div className="truncate px-2 py-3 text-sm font-medium" title={row.name}>{row.name}</div>
            <div className="relative h-14 border-l border-stone-200" style={{ backgroundImage: `repeating-linear-gradient(to right, transparent 0, transparent calc(${100 / days.length}% - 1px), #e7e5e4 calc(${100 / days.length}% - 1px), #e7e5e4 ${100 / days.length}%)` }}>
              {batches.filter((b) => b[rowKey] === row.id).map((b) => {
                const left = fraction(b.startAt, days);
                const right = fraction(new Date(b.endAt.getTime() - 1), days);
                if (left === null && right === null) return null;
                const l = left ?? 0;
                const w = Math.max((right ?? 1) - l, 0.006);
                return (
                  <button
                    key={b.id}
                    type="button"
                    onClick={() => onSelect(b.id)}
                    title={`${b.stepName}: ${b.pieces} pcs, ${b.startAt.toLocaleString()} – ${b.endAt.toLocaleTimeString()}`}
                    aria-label={`Batch ${b.stepName}, ${b.pieces} pieces`}
                    className={`absolute top-1.5 bottom-1.5 overflow-hidden rounded border-l-4 px-1 text-left text-[11px] leading-tight ${colourFor(b.family ?? b.stepName)} ${b.late ? "ring-2 ring-red-500" : ""} ${selectedId === b.id ? "outline-2 outline-stone-900" : ""}`}
                    style={{ left: `${l * 100}%`, width: `${w * 100}%` }}
                  >
                    {b.locked ? "🔒 " : ""}{b.stepName} · {b.pieces}
                  </button>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
