import { z } from "zod";

// Shared by the studio forms (client) and procedures (server).

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use HH:MM (24-hour)" });

export const workingIntervalSchema = z
  .object({ weekday: z.number().int().min(0).max(6), start: time, end: time })
  .refine((value) => value.start < value.end, { message: "End must be after start", path: ["end"] });

export const workingHoursSchema = z
  .array(workingIntervalSchema)
  .max(28, { message: "At most four intervals per day" })
  .superRefine((intervals, ctx) => {
    const sorted = [...intervals].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]!;
      const current = sorted[i]!;
      if (previous.weekday === current.weekday && current.start < previous.end) {
        ctx.addIssue({ code: "custom", message: `${WEEKDAYS[current.weekday]}: working hours overlap` });
      }
    }
  });

export type WorkingInterval = z.infer<typeof workingIntervalSchema>;

export const DEFAULT_WORKING_HOURS: WorkingInterval[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  start: "09:00",
  end: "17:00",
}));

export { isValidTimeZone } from "~/server/time-zone";

export function hoursPerWeek(intervals: WorkingInterval[]): number {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return intervals.reduce((sum, interval) => sum + (minutes(interval.end) - minutes(interval.start)) / 60, 0);
}
