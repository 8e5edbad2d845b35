"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { z } from "zod";
import { WEEKDAYS, type WorkingInterval } from "../working-hours";

// One interval per weekday in the form; the stored format allows several (e.g. a lunch break).
export const dayRowSchema = z
  .object({ enabled: z.boolean(), start: z.string(), end: z.string() })
  .refine((day) => !day.enabled || /^\d{2}:\d{2}$/.test(day.start), { message: "Enter a start time", path: ["start"] })
  .refine((day) => !day.enabled || day.start < day.end, { message: "End must be after start", path: ["end"] });
export type DayRow = z.infer<typeof dayRowSchema>;

export function toDayRows(intervals: WorkingInterval[]): DayRow[] {
  return WEEKDAYS.map((_, weekday) => {
    const interval = intervals.find((candidate) => candidate.weekday === weekday);
    return interval ? { enabled: true, start: interval.start, end: interval.end } : { enabled: false, start: "09:00", end: "17:00" };
  });
}

export function toIntervals(days: DayRow[]): WorkingInterval[] {
  return days.flatMap((day, weekday) => (day.enabled ? [{ weekday, start: day.start, end: day.end }] : []));
}

// Monday first, as studios read their week.
const ORDER = [1, 2, 3, 4, 5, 6, 0];

type Props = {
  register: UseFormRegister<{ days: DayRow[] } & Record<string, unknown>>;
  errors?: FieldErrors<{ days: DayRow[] }>["days"];
  disabled?: boolean;
  label?: string;
  hint?: string;
};

export function WorkingHoursEditor({ register, errors, disabled, label = "Working hours", hint = "The planner only schedules bench work inside these hours." }: Props) {
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-medium text-stone-700">{label}</legend>
      <p className="text-xs text-stone-500">{hint}</p>
      <div className="divide-y divide-stone-100 rounded-lg border border-stone-200">
        {ORDER.map((weekday) => {
          const dayErrors = Array.isArray(errors) ? errors[weekday] : undefined;
          return (
            <div key={weekday} className="flex flex-wrap items-center gap-3 px-3 py-2">
              <label className="flex w-32 items-center gap-2 text-sm">
                <input type="checkbox" className="size-4 accent-brand-600" {...register(`days.${weekday}.enabled`)} />
                {WEEKDAYS[weekday]}
              </label>
              <input
                type="time"
                aria-label={`${WEEKDAYS[weekday]} start`}
                className="rounded-md border border-stone-300 px-2 py-1 text-sm"
                {...register(`days.${weekday}.start`)}
              />
              <span className="text-stone-400">to</span>
              <input
                type="time"
                aria-label={`${WEEKDAYS[weekday]} end`}
                className="rounded-md border border-stone-300 px-2 py-1 text-sm"
                {...register(`days.${weekday}.end`)}
              />
              {(dayErrors?.end?.message || dayErrors?.start?.message) && (
                <span role="alert" className="text-sm text-red-600">
                  {dayErrors?.start?.message ?? dayErrors?.end?.message}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
