/**
 * Public types of the studio scheduling problem and plan.
 * All times are whole minutes relative to `horizonStart` (minute 0).
 */

export type Interval = [start: number, end: number];

/** A recurring shift, in the studio's local wall-clock time (see `WeeklyCalendar.timeZone`). */
export interface WeeklyShift {
  /** 0 = Sunday … 6 = Saturday (JavaScript `getUTCDay` convention). */
  weekday: number;
  /** "HH:MM" local time. */
  start: string;
  /** "HH:MM" local time; "24:00" allowed; must be after `start`. */
  end: string;
}

export interface WeeklyCalendar {
  weekly: WeeklyShift[];
  /** Local dates "YYYY-MM-DD" without work. */
  daysOff?: string[];
  /**
   * IANA time zone, e.g. "Europe/Berlin": shifts are local wall-clock times on every day of the horizon,
   * across clock changes. A shift boundary in the skipped hour means the jump (02:30 -> 03:00 on the spring
   * night in Berlin); one in the repeated hour means its first occurrence. Exclusive with `utcOffsetMinutes`.
   */
  timeZone?: string;
  /** Fixed offset instead of a zone: local time = UTC + utcOffsetMinutes. Default 0 (UTC). */
  utcOffsetMinutes?: number;
}

/** Either expanded working intervals [startMin, endMin) or a weekly template (needs `horizonStart`). */
export type CalendarInput = Interval[] | { intervals: Interval[] } | WeeklyCalendar;

export interface StationInput {
  id: string;
  name?: string;
  /** Number of identical parallel stations (default 1). */
  count?: number;
  /** Unattended machine (e.g. tumbler): a person only loads and unloads. */
  unattended?: {
    /** Pieces per load. */
    capacity: number;
    /** Machine run time per load, independent of the number of pieces. */
    runMinutes: number;
    /** Person minutes to unload (default 5). Loading takes the step's setup + per-piece minutes. */
    unloadMinutes?: number;
  };
}

export interface PersonInput {
  id: string;
  name?: string;
  calendar: CalendarInput;
  /** Stations this person can work at; omitted = all. */
  stationIds?: string[];
}

export interface RoutingStepInput {
  stepId: string;
  name?: string;
  stationId: string;
  setupMinutes: number;
  minutesPerPiece: number;
  /** Steps (of any design) with the same family at the same station can share one batch and one setup. */
  family?: string;
  maxBatchSize?: number;
}

export interface DesignInput {
  id: string;
  name?: string;
  routing: RoutingStepInput[];
}

export interface OrderLineInput {
  id: string;
  orderId: string;
  designId: string;
  variantId?: string;
  quantity: number;
  /** Due minute relative to horizonStart; or `dueAt` (ISO) when horizonStart is given. */
  dueMinute?: number;
  dueAt?: string;
  /** Earliest start of the first step (default 0). */
  releaseMinute?: number;
}

export interface ObjectiveWeights {
  /** Per minute of total lateness (sum over order lines of max(0, completion − due)). */
  lateness: number;
  /** Per minute of the largest order-line lateness. */
  maxLateness: number;
  /** Per minute of makespan. */
  makespan: number;
  /** Per setup minute. */
  setup: number;
}

export interface StudioOptions {
  /** Improvement budget (default 1000 ms). 0 = constructive plan only. */
  timeLimitMs?: number;
  /** Iteration cap for deterministic runs. */
  maxIterations?: number;
  seed?: number;
  /** New (not locked) work starts no earlier than this minute (default 0). */
  nowMinute?: number;
  weights?: Partial<ObjectiveWeights>;
  /** Upper bound on pieces of one order line that travel together (default: the line's smallest batch limit). */
  maxLotSize?: number;
  /** Also compute the naive plan for comparison (default true). */
  computeNaive?: boolean;
}

export interface StudioProblem {
  /** ISO timestamp with offset, e.g. "2025-03-03T08:00:00+01:00"; minute 0 of the plan. */
  horizonStart?: string;
  stations: StationInput[];
  people: PersonInput[];
  designs: DesignInput[];
  orderLines: OrderLineInput[];
  /**
   * The plan being revised. Batches with status "started", "done" or "locked"
   * (pinned) are kept exactly; the rest may move. The remaining work of every
   * order line is planned per step around them, respecting precedence: pieces
   * of a pinned batch at step k get their steps before k planned to finish by
   * its start (a pin that cannot be met is released, see `StudioPlan.released`).
   * Passing the previous plan's `search` makes the re-plan start from the same
   * ordering, so unaffected work tends to stay put.
   */
  previousPlan?: { batches: PlannedBatch[]; search?: SearchState };
  options?: StudioOptions;
}

export interface TimeSpan {
  start: number;
  end: number;
}

export interface BatchItem {
  orderLineId: string;
  orderId: string;
  designId: string;
  variantId?: string;
  /** 0-based position in the design's routing. */
  stepIndex: number;
  stepId: string;
  pieces: number;
  /**
   * Started or done batches only: pieces of this item scrapped at this step. They went through the step
   * (its time and setup were spent) but go no further: later steps get that many fewer pieces of the line.
   */
  scrapped?: number;
}

/** "locked" = pinned by a person; "done" = finished work (history: not counted in setup or work figures). */
export type BatchStatus = "planned" | "started" | "locked" | "done";

export interface PlannedBatch {
  id: string;
  /** Family name, or null when the step has no family (batch of a single design step). */
  family: string | null;
  stationId: string;
  /** Which of the station's `count` parallel units (0-based). */
  stationUnit: number;
  personId: string;
  items: BatchItem[];
  pieces: number;
  setupMinutes: number;
  /** Person minutes (setup + pieces, plus unload for unattended steps). */
  workMinutes: number;
  /** The station is occupied during [start, end). */
  start: number;
  end: number;
  /** When the person works on the batch; every segment lies inside one working interval. */
  personSegments: TimeSpan[];
  /** Machine run of an unattended step (between load and unload). */
  run?: TimeSpan;
  startAt?: string;
  endAt?: string;
  /** startAt/endAt in the person's calendar zone, with its offset (weekly calendars only). */
  startLocal?: string;
  endLocal?: string;
  status?: BatchStatus;
}

export interface PlanSummary {
  makespanMinutes: number;
  totalLatenessMinutes: number;
  maxLatenessMinutes: number;
  lateOrderLines: number;
  setups: number;
  setupHours: number;
  workHours: number;
}

export interface OrderLineResult {
  orderLineId: string;
  completionMinute: number;
  dueMinute: number;
  latenessMinutes: number;
  completionAt?: string;
}

/** What the planner needs to reproduce a plan: decoder parameters and the order-line priority. */
export interface SearchState {
  window: number;
  stagger: number;
  /** Order-line ids, highest priority first, one entry per lot (a line split into lots repeats). */
  lineOrder: string[];
}

export interface StudioPlan {
  horizonStart?: string;
  batches: PlannedBatch[];
  orderLines: OrderLineResult[];
  summary: PlanSummary;
  /**
   * One order line at a time, each step its own batch (no cross-line batching), over the same work as
   * `summary`: everything not done, pinned batches re-planned naively too, so the savings do not depend on
   * how much of the plan is pinned.
   */
  naive?: PlanSummary;
  savings?: { setupHours: number; setupHoursPercent: number; makespanMinutes: number; totalLatenessMinutes: number };
  objective: number;
  search?: SearchState;
  stats: {
    constructiveObjective: number;
    /** Moves the improvement phase evaluated: window re-decodes and full decodes. */
    iterations: number;
    /** Of `iterations`, the full decodes (iterated-greedy moves); the rest are window moves. */
    decodes?: number;
    constructiveMs: number;
    elapsedMs: number;
    seed: number;
    lots: number;
  };
  warnings: string[];
  /** Pinned ("locked") batches of previousPlan that were released because their earlier steps could not finish by their start. */
  released?: string[];
}

export interface Violation {
  code:
    | "input"
    | "station"
    | "person"
    | "skill"
    | "item"
    | "family"
    | "capacity"
    | "duration"
    | "calendar"
    | "station-overlap"
    | "person-overlap"
    | "precedence"
    | "quantity"
    | "release"
    | "locked";
  batchId?: string;
  message: string;
}
