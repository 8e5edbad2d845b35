"use client";

import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { formatInZone, studioTime } from "~/server/time-zone";
import { assignLanes, MIN_BATCH_PX, TimeScale } from "./time-scale";

// Day/week timeline: one row per person (or station); the shown days side by side, each covering the
// studio's working hours in the studio's time zone, with hour ticks. Every batch is a button (at least
// MIN_BATCH_PX wide, on its own lane when it would cover another), named in full on hover and focus;
// arrow keys move between batches, Enter opens one.

export type BoardBatch = {
  id: string;
  personId: string;
  stationId: string;
  stepName: string;
  family: string | null;
  pieces: number;
  startAt: Date;
  endAt: Date;
  runStartAt?: Date | null;
  runEndAt?: Date | null;
  unloadAt?: Date | null;
  locked: boolean;
  pinReason?: string | null;
  pinnedBy?: string | null;
  late: boolean;
  remake?: boolean;
  /** PLANNED batches can be moved; claimed ones are STARTED. */
  status?: string;
  /** Bench progress, e.g. "2 done · 1 scrapped" (null before anyone reports). */
  progress?: string | null;
};

const PALETTE = ["bg-sky-100 border-sky-600", "bg-amber-100 border-amber-600", "bg-emerald-100 border-emerald-600", "bg-violet-100 border-violet-600", "bg-rose-100 border-rose-600", "bg-lime-100 border-lime-600", "bg-cyan-100 border-cyan-600"];

export function colourFor(key: string): string {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

export const PIN_REASONS: Record<string, string> = { PINNED: "pinned", MOVED: "moved", SPLIT: "split", MERGED: "merged", RESIZED: "resized" };

/** One line that names a batch fully: step, pieces, studio times, machine run, pin and bench state. */
export function describeBatch(b: BoardBatch, timeZone: string): string {
  const parts = [`${b.stepName} · ${b.pieces} pcs · ${formatInZone(timeZone, b.startAt, "EEE d MMM, HH:mm")}–${studioTime(timeZone, b.endAt)}`];
  if (b.runStartAt && b.runEndAt) parts.push(`machine runs ${studioTime(timeZone, b.runStartAt)}–${studioTime(timeZone, b.runEndAt)}`);
  if (b.locked) parts.push(`pinned${b.pinReason && b.pinReason !== "PINNED" ? ` (${PIN_REASONS[b.pinReason]}${b.pinnedBy ? ` by ${b.pinnedBy}` : ""})` : b.pinnedBy ? ` by ${b.pinnedBy}` : ""}`);
  if (b.status === "STARTED") parts.push("started at the bench");
  if (b.progress) parts.push(b.progress);
  if (b.remake) parts.push("includes remakes");
  if (b.late) parts.push("late");
  return parts.join(" · ");
}

/** A small pin: pinned batches stay where they are when the studio plans again. */
export function PinIcon({ className = "" }: { className?: string }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden className={`mr-0.5 inline-block size-3 -translate-y-px fill-current ${className}`}>
      <path d="M10.5 1.5 14.5 5.5 12.8 6.2 10.2 8.8 10.6 12.4 9.2 13.8 6.4 11 2.5 14.9 1.1 13.5 5 9.6 2.2 6.8 3.6 5.4 7.2 5.8 9.8 3.2Z" />
    </svg>
  );
}

const LANE_PX = 46;
const NAME_PX = 150;

export function Timeline({ dayKeys, timeZone, dayStartMinute, dayEndMinute, hourPx, rows, batches, rowKey, selectedId, onSelect }: {
  dayKeys: string[];
  timeZone: string;
  dayStartMinute: number;
  dayEndMinute: number;
  hourPx: number;
  rows: Array<{ id: string; name: string }>;
  batches: BoardBatch[];
  rowKey: "personId" | "stationId";
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const scale = useMemo(() => new TimeScale(dayKeys, timeZone, dayStartMinute, dayEndMinute, hourPx), [dayKeys, timeZone, dayStartMinute, dayEndMinute, hourPx]);
  const [hovered, setHovered] = useState<BoardBatch | null>(null);
  const board = useRef<HTMLDivElement>(null);
  const layout = useMemo(
    () =>
      rows.map((row) => {
        const placed = batches
          .filter((b) => b[rowKey] === row.id && scale.shows(b.startAt.getTime(), b.endAt.getTime()))
          .map((b) => {
            const left = scale.x(b.startAt.getTime());
            return { batch: b, id: b.id, left, width: Math.max(scale.x(b.endAt.getTime()) - left, MIN_BATCH_PX) };
          });
        return { row, placed, ...assignLanes(placed) };
      }),
    [rows, batches, rowKey, scale],
  );

  /** Arrow keys walk the batches: left/right along the row, up/down to the nearest one in the next row. */
  function onKey(event: KeyboardEvent<HTMLButtonElement>, rowIndex: number, id: string) {
    const inRow = (r: number) => [...(layout[r]?.placed ?? [])].sort((a, b) => a.left - b.left);
    const here = inRow(rowIndex);
    const at = here.findIndex((p) => p.id === id);
    let target: string | undefined;
    if (event.key === "ArrowRight") target = here[at + 1]?.id;
    else if (event.key === "ArrowLeft") target = here[at - 1]?.id;
    else if (event.key === "Home") target = here[0]?.id;
    else if (event.key === "End") target = here[here.length - 1]?.id;
    else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      for (let r = rowIndex + step; r >= 0 && r < layout.length && !target; r += step) {
        const x = here[at]!.left;
        target = inRow(r).sort((a, b) => Math.abs(a.left - x) - Math.abs(b.left - x))[0]?.id;
      }
    } else return;
    event.preventDefault();
    if (target) board.current?.querySelector<HTMLButtonElement>(`[data-batch-id="${target}"]`)?.focus();
  }

  const ticks = scale.ticks();
  const hourLines = `repeating-linear-gradient(to right, #e7e5e4 0 1px, transparent 1px ${hourPx}px)`;
  const dayLines = `repeating-linear-gradient(to right, #a8a29e 0 1px, transparent 1px ${scale.dayWidth}px)`;
  return (
    <div className="space-y-2">
      <div ref={board} className="overflow-x-auto rounded-xl border border-stone-200 bg-white" data-testid="plan-board">
        <div style={{ width: NAME_PX + scale.width + 1 }}>
          <div className="flex border-b border-stone-200 text-xs text-stone-600">
            <div className="sticky left-0 z-20 shrink-0 bg-white px-2 py-2 font-medium" style={{ width: NAME_PX }}>{rowKey === "personId" ? "Person" : "Station"}</div>
            <div className="relative" style={{ width: scale.width, height: 44 }}>
              {scale.days.map((d, i) => (
                <div key={d.key} className="absolute top-0 truncate border-l border-stone-400 px-1.5 pt-1 font-medium text-stone-800" style={{ left: i * scale.dayWidth, width: scale.dayWidth }} data-testid="board-day">
                  {formatInZone(timeZone, new Date(d.from), "EEE d MMM")}
                </div>
              ))}
              {ticks.filter((t) => t.label).map((t) => (
                <span key={t.x} className="absolute bottom-1 -translate-x-1/2 text-[10px] tabular-nums text-stone-500" style={{ left: Math.max(t.x, 14) }} aria-hidden>
                  {t.label}
                </span>
              ))}
            </div>
          </div>
          {layout.map(({ row, placed, lanes, count }, rowIndex) => (
            <div key={row.id} className="flex border-b border-stone-100" role="group" aria-label={row.name}>
              <div className="sticky left-0 z-20 shrink-0 truncate border-r border-stone-200 bg-white px-2 py-3 text-sm font-medium" style={{ width: NAME_PX }} title={row.name}>{row.name}</div>
              <div className="relative" style={{ width: scale.width, height: count * LANE_PX + 8, backgroundImage: `${dayLines}, ${hourLines}` }}>
                {placed.map(({ batch: b, left, width }) => {
                  const full = describeBatch(b, timeZone);
                  const run = b.runStartAt && b.runEndAt ? { l: scale.x(b.runStartAt.getTime()) - left, r: scale.x(b.runEndAt.getTime()) - left } : null;
                  return (
                    <button
                      key={b.id}
                      type="button"
                      data-batch-id={b.id}
                      onClick={() => onSelect(b.id)}
                      onKeyDown={(e) => onKey(e, rowIndex, b.id)}
                      onMouseEnter={() => setHovered(b)}
                      onMouseLeave={() => setHovered(null)}
                      onFocus={() => setHovered(b)}
                      onBlur={() => setHovered(null)}
                      title={full}
                      aria-label={`Batch ${b.stepName}, ${b.pieces} pieces${b.locked ? ", pinned" : ""}${b.remake ? ", remake" : ""}`}
                      aria-describedby="board-hover"
                      aria-pressed={selectedId === b.id}
                      data-status={b.status}
                      className={`absolute overflow-hidden rounded-md border-l-4 text-left text-[11px] leading-tight whitespace-nowrap shadow-sm hover:z-10 hover:brightness-95 focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700 ${colourFor(b.family ?? b.stepName)} ${b.late ? "ring-2 ring-red-500" : ""} ${b.status === "STARTED" ? "border-dashed" : ""} ${selectedId === b.id ? "z-10 outline-2 outline-stone-900" : ""}`}
                      style={{ left, width, top: 4 + (lanes.get(b.id) ?? 0) * LANE_PX, height: LANE_PX - 6 }}
                    >
                      {run && run.r > run.l && (
                        <span className="absolute inset-y-0 bg-[repeating-linear-gradient(135deg,rgba(120,113,108,.18)_0_4px,transparent_4px_8px)]" style={{ left: Math.max(0, run.l - 4), width: run.r - run.l }} aria-hidden />
                      )}
                      <span className="relative block truncate px-1 pt-0.5 font-semibold">{b.locked && <PinIcon />}{b.remake ? "↻ " : ""}{b.stepName}</span>
                      <span className="relative block truncate px-1">{b.pieces} pcs{b.progress ? ` · ${b.progress}` : ""}</span>
                    </button>
                  );
                })}
              </div>
            </div>
          ))}
        </div>
      </div>
      <p id="board-hover" className="min-h-5 text-sm text-stone-700" aria-live="polite" data-testid="board-hover">
        {hovered ? describeBatch(hovered, timeZone) : <span className="text-stone-500">Point at or tab to a batch to see it in full; arrow keys move between batches, Enter opens one.</span>}
      </p>
    </div>
  );
}
