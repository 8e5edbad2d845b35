import { addDays, studioDayRange, type Day } from "~/server/time-zone";

// Shared by the plan page (its server prefetch) and the board, so both ask currentPlan for the same range.

export type BoardView = "day" | "week";

export const BOARD_VIEW_DAYS: Record<BoardView, number> = { day: 1, week: 7 };

/** The board opens a week at a time, on its first day with work (planning.boardStart). */
export const DEFAULT_BOARD_VIEW: BoardView = "week";

/** The instants the board shows: `days` studio-local days from `anchor` (local midnight to local midnight). */
export function boardRange(timeZone: string, anchor: Day, days: number): { from: Date; to: Date } {
  const [from, to] = studioDayRange(timeZone, anchor, addDays(anchor, days - 1));
  return { from, to };
}
