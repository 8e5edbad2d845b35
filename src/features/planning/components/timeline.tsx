"use client";

import { formatInZone, wallMinutesOf, type StudioDay } from "~/server/time-zone";

// Day/week timeline: one row per person (or station), one column per studio-local day showing 07:00–19:00 on
// the studio's clock (whatever the browser's zone; days are 23 or 25 hours long around a clock change).

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
  /** PLANNED batches can be moved; claimed ones are STARTED. */
  status?: string;
  /** Bench progress, e.g. "2 done · 1 scrapped" (null before anyone reports). */
  progress?: string | null;
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
function fraction(at: Date, days: StudioDay[], timeZone: string): number | null {
  const index = days.findIndex((d) => at.getTime() >= d.start.getTime() && at.getTime() < d.end.getTime());
  if (index < 0) return null;
  const minutes = wallMinutesOf(timeZone, at) - DAY_START_H * 60;
  const within = Math.min(Math.max(minutes / (DAY_HOURS * 60), 0), 1);
  return (index + within) / days.length;
}

/** Lane index per batch so batches that overlap in one row (an unattended machine running while the person
 * works on something else) sit on separate lines instead of covering each other. */
function assignLanes(batches: BoardBatch[]): { lanes: Map<string, number>; count: number } {
  const ends: number[] = [];
  const lanes = new Map<string, number>();
  for (const b of [...batches].sort((x, y) => x.startAt.getTime() - y.startAt.getTime())) {
    let lane = ends.findIndex((end) => end <= b.startAt.getTime());
    if (lane < 0) lane = ends.length;
    ends[lane] = b.endAt.getTime();
    lanes.set(b.id, lane);
  }
  return { lanes, count: Math.max(ends.length, 1) };
}

const LANE_PX = 44;

export function Timeline({ days, timeZone, rows, batches, rowKey, selectedId, onSelect }: {
  days: StudioDay[];
  timeZone: string;
  rows: Array<{ id: string; name: string }>;
  batches: BoardBatch[];
  rowKey: "personId" | "stationId";
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  // Wide enough per day that a 20-minute batch still shows its name; the board scrolls sideways.
  const minWidth = 140 + days.length * (days.length > 1 ? 320 : 900);
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white" data-testid="plan-board">
      <div style={{ minWidth }}>
        <div className="grid border-b border-stone-200 text-xs text-stone-600" style={{ gridTemplateColumns: `140px repeat(${days.length}, 1fr)` }}>
          <div className="px-2 py-2 font-medium">{rowKey === "personId" ? "Person" : "Station"}</div>
          {days.map((d) => (
            <div key={d.day} className="border-l border-stone-200 px-2 py-2">
              {formatInZone(timeZone, d.start, "EEE d MMM")} <span className="text-stone-400">{DAY_START_H}–{DAY_START_H + DAY_HOURS}h</span>
            </div>
          ))}
        </div>
        {rows.map((row) => {
          const mine = batches.filter((b) => b[rowKey] === row.id);
          const { lanes, count } = assignLanes(mine);
          return (
            <div key={row.id} className="grid border-b border-stone-100" style={{ gridTemplateColumns: `140px 1fr` }} role="group" aria-label={row.name}>
              <div className="truncate px-2 py-3 text-sm font-medium" title={row.name}>{row.name}</div>
              <div className="relative border-l border-stone-200" style={{ height: count * LANE_PX + 8, backgroundImage: `repeating-linear-gradient(to right, transparent 0, transparent calc(${100 / days.length}% - 1px), #e7e5e4 calc(${100 / days.length}% - 1px), #e7e5e4 ${100 / days.length}%)` }}>
                {mine.map((b) => {
                  const left = fraction(b.startAt, days, timeZone);
                  const right = fraction(new Date(b.endAt.getTime() - 1), days, timeZone);
                  if (left === null && right === null) return null;
                  const l = left ?? 0;
                  const w = Math.max((right ?? 1) - l, 0.004);
                  return (
                    <button
                      key={b.id}
                      type="button"
                      onClick={() => onSelect(b.id)}
                      title={`${b.stepName}: ${b.pieces} pcs, ${formatInZone(timeZone, b.startAt, "EEE d MMM, HH:mm")} – ${formatInZone(timeZone, b.endAt, "HH:mm")}`}
                      aria-label={`Batch ${b.stepName}, ${b.pieces} pieces${b.locked ? ", locked" : ""}`}
                      aria-pressed={selectedId === b.id}
                      data-status={b.status}
                      className={`absolute overflow-hidden rounded border-l-4 px-1 text-left text-[11px] leading-tight whitespace-nowrap hover:z-10 hover:min-w-fit focus-visible:z-10 focus-visible:min-w-fit focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700 ${colourFor(b.family ?? b.stepName)} ${b.late ? "ring-2 ring-red-500" : ""} ${selectedId === b.id ? "z-10 outline-2 outline-stone-900" : ""}`}
                      style={{ left: `${l * 100}%`, width: `${w * 100}%`, top: 4 + (lanes.get(b.id) ?? 0) * LANE_PX, height: LANE_PX - 6 }}
                    >
                      <span className="block truncate font-medium">{b.locked ? "Locked · " : ""}{b.stepName}</span>
                      <span className="block">{b.pieces} pcs{b.progress ? ` · ${b.progress}` : ""}</span>
                    </button>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
