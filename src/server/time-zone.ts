// Studio-local calendar arithmetic on UTC instants, with the zone's offset looked up where it applies, so
// days with a clock change are 23 or 25 hours long. Pure: used by the server, the planner and the scripts.

/** Minutes to add to UTC to get local time in the zone at the given instant (e.g. Europe/Paris in winter: 60). */
export function utcOffsetMinutes(timeZone: string, at: Date = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** Local midnight of a local calendar day (month 0-based; days may overflow, as in Date.UTC) as a UTC instant. */
export function localMidnight(timeZone: string, year: number, month: number, day: number): Date {
  const naive = Date.UTC(year, month, day);
  // Twice: the offset at the first guess may differ from the offset at the true midnight on clock-change days.
  let at = naive - utcOffsetMinutes(timeZone, new Date(naive)) * 60_000;
  at = naive - utcOffsetMinutes(timeZone, new Date(at)) * 60_000;
  return new Date(at);
}

/** The local calendar date at an instant: [year, month (0-based), day, weekday (0 = Sunday)]. */
function localDate(timeZone: string, at: Date): [number, number, number, number] {
  const local = new Date(at.getTime() + utcOffsetMinutes(timeZone, at) * 60_000);
  return [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), local.getUTCDay()];
}

/** [start, end) of the local day containing `now`. */
export function studioDay(timeZone: string, now = new Date()): [Date, Date] {
  const [y, m, d] = localDate(timeZone, now);
  return [localMidnight(timeZone, y, m, d), localMidnight(timeZone, y, m, d + 1)];
}

/** [start, end) of the local week (Monday 00:00 to Monday 00:00) containing `now`. */
export function studioWeek(timeZone: string, now = new Date()): [Date, Date] {
  const [y, m, d, weekday] = localDate(timeZone, now);
  const monday = d - ((weekday + 6) % 7);
  return [localMidnight(timeZone, y, m, monday), localMidnight(timeZone, y, m, monday + 7)];
}

// --- Showing studio time (client-safe: the plan board, the bench and the orders label their times) ---

/** The local calendar date of an instant in the zone, as "YYYY-MM-DD". */
export function zonedDateKey(timeZone: string, at: Date): string {
  const local = new Date(at.getTime() + utcOffsetMinutes(timeZone, at) * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Local midnight of a "YYYY-MM-DD" date in the zone, plus `addDays` days, as a UTC instant. */
export function zonedDayStart(timeZone: string, dateKey: string, addDays = 0): Date {
  const [y, m, d] = dateKey.split("-").map(Number) as [number, number, number];
  return localMidnight(timeZone, y, m - 1, d + addDays);
}

/** Formats an instant as it reads on the studio's clocks (the viewer's device zone does not matter). */
export function formatInZone(at: Date, timeZone: string, options: Intl.DateTimeFormatOptions, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(at);
}

/** "14:30" on the studio's clocks. */
export function zonedTime(at: Date, timeZone: string): string {
  return formatInZone(at, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

/** "Tue 24 Nov, 14:30" on the studio's clocks. */
export function zonedDayTime(at: Date, timeZone: string): string {
  return `${formatInZone(at, timeZone, { weekday: "short", day: "numeric", month: "short" })}, ${zonedTime(at, timeZone)}`;
}

/** "Europe/Paris (UTC+1)": names the zone the times are shown in, with its offset at that instant. */
export function zoneLabel(timeZone: string, at: Date): string {
  const offset = utcOffsetMinutes(timeZone, at);
  const sign = offset < 0 ? "−" : "+";
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `${timeZone} (UTC${offset === 0 ? "" : `${sign}${hours}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`})`;
}

/** The instant a studio clock shows "YYYY-MM-DD" "HH:MM" (for a time typed into the board). */
export function zonedDateTime(timeZone: string, dateKey: string, hhmm: string): Date {
  const [y, m, d] = dateKey.split("-").map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, h, mi);
  // Twice: the offset at the first guess may differ from the offset at the true instant near a clock change.
  let at = naive - utcOffsetMinutes(timeZone, new Date(naive)) * 60_000;
  at = naive - utcOffsetMinutes(timeZone, new Date(at)) * 60_000;
  return new Date(at);
}

/** "YYYY-MM-DDTHH:MM" on the studio's clocks (the value of a datetime-local field in studio time). */
export function zonedInputValue(at: Date, timeZone: string): string {
  return new Date(at.getTime() + utcOffsetMinutes(timeZone, at) * 60_000).toISOString().slice(0, 16);
}
