import { byStudio } from "~/server/db";
import type { StudioContext } from "~/server/trpc/procedures";
import { notFound } from "~/server/errors";
import { studioToday } from "~/server/time-zone";
import type { AddHolidayInput, DayRange, HolidayIdInput } from "./schemas";

/** "2026-12-24" -> the @db.Date value Prisma stores for that day. */
export const dateOnly = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Every local day of the ranges that ends on or after `from` ("YYYY-MM-DD"), at most `limit` days. */
export function expandDayRanges(ranges: Array<{ firstDay: Date; lastDay: Date }>, from: string, limit = 800): string[] {
  const days = new Set<string>();
  for (const range of ranges) {
    for (let at = Math.max(range.firstDay.getTime(), dateOnly(from).getTime()); at <= range.lastDay.getTime() && days.size < limit; at += 86_400_000) {
      days.add(dayOf(new Date(at)));
    }
  }
  return [...days].sort();
}

export function rangeData(range: DayRange) {
  return { firstDay: dateOnly(range.firstDay), lastDay: dateOnly(range.lastDay) };
}

/** Holidays that are not over yet, soonest first (past ones stay stored but leave the list). */
export async function listHolidays(ctx: StudioContext, now = new Date()) {
  const today = studioToday(ctx.studio.timeZone, now);
  const rows = await ctx.db.studioHoliday.findMany({
    where: byStudio(ctx.studio.id, { lastDay: { gte: dateOnly(today) } }),
    orderBy: { firstDay: "asc" },
    select: { id: true, name: true, firstDay: true, lastDay: true },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, firstDay: dayOf(row.firstDay), lastDay: dayOf(row.lastDay) }));
}

export async function addHoliday(ctx: StudioContext, input: AddHolidayInput) {
  return ctx.db.studioHoliday.create({
    data: { studioId: ctx.studio.id, name: input.name, ...rangeData(input.range), createdById: ctx.user.id },
    select: { id: true },
  });
}

export async function removeHoliday(ctx: StudioContext, input: HolidayIdInput) {
  const { holidayId } = input;
  const { count } = await ctx.db.studioHoliday.deleteMany({ where: byStudio(ctx.studio.id, { id: holidayId }) });
  if (count === 0) throw notFound("Holiday");
  return { ok: true };
}
