import { TRPCError } from "@trpc/server";
import { studioToday } from "~/server/time-zone";

/**
 * Refuses due days before the studio's today. `label` names where the day was given ("Line 2", "The due
 * date"), so the message says which one to fix.
 */
export function assertDueDaysNotPast(days: Array<{ day: string; label: string }>, timeZone: string, now: Date = new Date()) {
  const today = studioToday(timeZone, now);
  const past = days.filter((entry) => entry.day < today);
  if (past.length === 0) return;
  const first = past[0]!;
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: `${first.label}: the due date ${first.day} is in the past (today is ${today} in the studio's time zone). Choose today or a later day.`,
  });
}
