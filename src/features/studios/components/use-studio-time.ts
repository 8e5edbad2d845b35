"use client";

import { useMemo } from "react";
import { addDays, dayOf, formatInZone, studioTime, studioToday } from "~/server/time-zone";
import { useCurrentStudio } from "./studio-context";

/**
 * Days and times as the studio's clock shows them, whatever the browser's zone: every studio screen formats
 * through this (the studio's zone comes from the page's layout).
 */
export function useStudioTime() {
  const { timeZone } = useCurrentStudio();
  return useMemo(
    () => ({
      timeZone,
      /** "YYYY-MM-DD", the studio-local day of an instant (due days, range days). */
      day: (at: Date) => dayOf(timeZone, new Date(at)),
      /** "14:30". */
      time: (at: Date) => studioTime(timeZone, new Date(at)),
      /** "Tue 24 Nov, 14:30". */
      dateTime: (at: Date) => formatInZone(timeZone, new Date(at), "EEE d MMM, HH:mm"),
      /** "Tue 24 Nov". */
      date: (at: Date) => formatInZone(timeZone, new Date(at), "EEE d MMM"),
      /** Today in the studio, or `days` from it. */
      today: (days = 0) => addDays(studioToday(timeZone), days),
    }),
    [timeZone],
  );
}
