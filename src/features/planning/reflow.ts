import { attendedMinutes, personBusy, timeBatch, type Machine, type StudioClock, type Timing } from "./batch-timing";

// The board's edit rules over the studio's open work, in memory (the server loads it, applies one edit,
// writes back what changed). Every edit keeps working time and machine runs (batch-timing), and keeps
// precedence: pieces of an order line are interchangeable, so a step-k batch may start once enough of the
// line's pieces finished step k−1 (scrapped ones excepted). A batch that would start too early is refused
// with the reason; later batches an edit leaves without their pieces move later with it, onto the first
// free time of their person and station; a pinned, started or done batch in the way refuses the edit.

export type OpenItem = {
  id: string;
  orderLineId: string;
  stepPosition: number;
  pieces: number;
  /** Pieces scrapped at this step so far (started and done batches): they go no further. */
  scrapped: number;
  routingStepId: string;
  variantId: string;
  remakeId: string | null;
};

export type OpenBatch = Timing & {
  id: string;
  version: number;
  status: "PLANNED" | "STARTED" | "DONE";
  locked: boolean;
  personId: string;
  stationId: string;
  stationUnit: number;
  stepName: string;
  pieces: number;
  setupMinutes: number;
  workMinutes: number;
  items: OpenItem[];
};

export type StationInfo = { name: string; count: number; machine: Machine | null; capacity: number | null };

/** Setup and minutes per piece of an item's routing step (null when its design step is unknown). */
export type RateOf = (item: OpenItem) => { setupMinutes: number; perPiece: number; maxBatchSize: number | null } | null;

export class Refusal extends Error {
  constructor(message: string, readonly code: "BAD_REQUEST" | "CONFLICT" = "BAD_REQUEST") {
    super(message);
  }
}

const MAX_PUSHED = 300;

/** A batch in the way, when it frees the way, and from when it would have to start to get out of it. */
type Blocker = { o: OpenBatch; clearsAt: number; moveFrom: number };
const key = (line: string, step: number) => `${line}#${step}`;

export class PlanState {
  readonly batches = new Map<string, OpenBatch>();
  /** Batches whose time, person, unit or pieces changed (to write back). */
  readonly changed = new Set<string>();
  private readonly initialShort: Set<string>;
  /** The batches being edited: never moved aside. */
  private readonly editing = new Set<string>();
  /** Batches moved along since their later steps were last checked. */
  private readonly pushed = new Set<string>();

  constructor(
    batches: OpenBatch[],
    private readonly stations: Map<string, StationInfo>,
    private readonly clock: StudioClock,
    private readonly rateOf: RateOf,
    private readonly label: (at: number) => string,
    /** Each person's own working time and the stations they work at (absent: the studio's hours, every station). */
    private readonly people: Map<string, { clock: StudioClock; stationIds: string[] | null }> = new Map(),
  ) {
    for (const b of batches) this.batches.set(b.id, b);
    this.initialShort = new Set(this.shortBatches([...this.lineSteps(batches)]).map((s) => s.batch.id));
  }

  /** The working time of a person (their own hours and days off). */
  clockOf(personId: string): StudioClock {
    return this.people.get(personId)?.clock ?? this.clock;
  }

  /** Whether a person works at a station (their skills). */
  works(personId: string, stationId: string): boolean {
    const stations = this.people.get(personId)?.stationIds;
    return !stations || stations.includes(stationId);
  }

  station(b: OpenBatch): StationInfo {
    return this.stations.get(b.stationId) ?? { name: "its station", count: 1, machine: null, capacity: null };
  }

  /** Person minutes for a set of items at this batch's station (the engine's rule), falling back to the batch's own rate. */
  attendedFor(b: OpenBatch, items: OpenItem[]): { attended: number; setupMinutes: number } {
    const machine = this.station(b).machine;
    const rates = items.map((item) => this.rateOf(item));
    if (rates.every((r) => r !== null)) {
      const setup = Math.max(0, ...rates.map((r) => r!.setupMinutes));
      const pieceMinutes = items.reduce((sum, item, i) => sum + item.pieces * rates[i]!.perPiece, 0);
      return { attended: attendedMinutes(setup, pieceMinutes), setupMinutes: Math.round(setup) };
    }
    const own = Math.max(1, b.workMinutes - (machine?.unloadMinutes ?? 0));
    const perPiece = b.pieces > 0 ? Math.max(0, own - b.setupMinutes) / b.pieces : 0;
    const pieces = items.reduce((sum, item) => sum + item.pieces, 0);
    return { attended: attendedMinutes(b.setupMinutes, perPiece * pieces), setupMinutes: b.setupMinutes };
  }

  /** The most pieces one batch of these items may hold: the machine's load and the steps' batch limits. */
  capacityFor(b: OpenBatch, items: OpenItem[]): number {
    let cap = this.station(b).capacity ?? Infinity;
    for (const item of items) cap = Math.min(cap, this.rateOf(item)?.maxBatchSize ?? Infinity);
    return cap;
  }

  /** Sets a batch's pieces and times (keeping its start) and marks it changed. */
  retime(b: OpenBatch, start: number, items: OpenItem[]): void {
    const { attended, setupMinutes } = this.attendedFor(b, items);
    const machine = this.station(b).machine;
    const timing = timeBatch(this.clockOf(b.personId), start, attended, machine);
    if (!timing) throw new Refusal(`${b.stepName} would not fit inside its person's working hours from ${this.label(start)}.`);
    Object.assign(b, timing, { items, pieces: items.reduce((s, i) => s + i.pieces, 0), setupMinutes, workMinutes: attended + (machine?.unloadMinutes ?? 0) });
    this.changed.add(b.id);
  }

  /** Takes pieces out of a batch: retimed shorter, or — outside working hours (not the planner's) — the same times. */
  shrink(b: OpenBatch, items: OpenItem[]): void {
    try {
      this.retime(b, b.startAt, items);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      Object.assign(b, { items, pieces: items.reduce((s, i) => s + i.pieces, 0) });
      this.changed.add(b.id);
    }
  }

  /** Batches in the way of a timing: the person's overlapping work, and per station unit what occupies it. */
  private blockers(b: OpenBatch, timing: Timing) {
    const busy = personBusy(timing);
    const units = this.station(b).count;
    const person: Blocker[] = [];
    const perUnit: Blocker[][] = Array.from({ length: units }, () => []);
    for (const o of this.batches.values()) {
      if (o.id === b.id || o.status === "DONE") continue;
      if (o.personId === b.personId) {
        const hit = busy.find(([s, e]) => personBusy(o).some(([s2, e2]) => s < e2 && s2 < e));
        if (hit) person.push({ o, clearsAt: Math.max(...personBusy(o).filter(([s2, e2]) => hit[0] < e2 && s2 < hit[1]).map(([, e2]) => e2)), moveFrom: hit[1] });
      }
      if (o.stationId === b.stationId && o.stationUnit < units && o.startAt < timing.endAt && o.endAt > timing.startAt) {
        perUnit[o.stationUnit]!.push({ o, clearsAt: o.endAt, moveFrom: timing.endAt });
      }
    }
    return { person, perUnit };
  }

  /**
   * Another batch this one would overlap — the same person at work, or every unit of the station taken —
   * and when that obstacle clears; null when the timing is free.
   */
  clash(b: OpenBatch, timing: Timing): { with: OpenBatch; clearsAt: number } | null {
    const { person, perUnit } = this.blockers(b, timing);
    if (person.length > 0) return { with: person[0]!.o, clearsAt: person[0]!.clearsAt };
    if (perUnit.some((list) => list.length === 0)) return null;
    const first = perUnit.map((list) => list.reduce((a, c) => (c.clearsAt > a.clearsAt ? c : a))).reduce((a, c) => (c.clearsAt < a.clearsAt ? c : a));
    return { with: first.o, clearsAt: first.clearsAt };
  }

  /** A free station unit for the timing (the batch's own first), or -1. */
  freeUnit(b: OpenBatch, timing: Timing): number {
    const { perUnit } = this.blockers(b, timing);
    if (perUnit[b.stationUnit]?.length === 0) return b.stationUnit;
    return perUnit.findIndex((list) => list.length === 0);
  }

  /** A batch later work may be shoved out of the way for: planned, not pinned, not being edited, after `after`. */
  private shovable(x: Blocker, after: number | null): boolean {
    return after !== null && x.o.status === "PLANNED" && !x.o.locked && !this.editing.has(x.o.id) && x.o.startAt >= after;
  }

  /**
   * Places a batch (its pieces and person as they are) at the first time at or after `from` where nothing
   * that must stay is in the way. Planned, unpinned batches that started after `shoveAfter` (the work that
   * followed this batch) are moved on after it, keeping their order, instead of being jumped over.
   */
  placeFrom(b: OpenBatch, from: number, shoveAfter: number | null = null): void {
    const { attended } = this.attendedFor(b, b.items);
    const machine = this.station(b).machine;
    let t = from;
    for (let probe = 0; probe < 2000; probe++) {
      const clock = this.clockOf(b.personId);
      const start = clock.nextWorking(t);
      if (start === null) break;
      const timing = timeBatch(clock, start, attended, machine);
      if (!timing) break;
      const { person, perUnit } = this.blockers(b, timing);
      const hard = person.filter((x) => !this.shovable(x, shoveAfter));
      const units = [b.stationUnit, ...perUnit.keys()].filter((u) => u < perUnit.length);
      const unit = units.find((u) => perUnit[u]!.every((x) => this.shovable(x, shoveAfter)));
      if (hard.length === 0 && unit !== undefined) {
        Object.assign(b, timing, { stationUnit: unit });
        this.changed.add(b.id);
        this.shove(b, [...person, ...perUnit[unit]!]);
        return;
      }
      const clears = [...hard, ...(unit === undefined ? perUnit.map((list) => list.filter((x) => !this.shovable(x, shoveAfter))).flat() : [])].map((x) => x.clearsAt);
      t = Math.max(start + 60_000, Math.min(...clears));
    }
    throw new Refusal(`There is no free time left for ${b.stepName} in the next weeks.`);
  }

  /** Moves the given later batches on, in their order, to after `b`. */
  private shove(b: OpenBatch, blockers: Blocker[]): void {
    const seen = new Set<string>();
    for (const x of [...blockers].sort((p, q) => p.o.startAt - q.o.startAt)) {
      if (seen.has(x.o.id)) continue;
      seen.add(x.o.id);
      if (this.changed.size > MAX_PUSHED) throw new Refusal("That would move too many batches. Plan again instead.");
      // Still in the way after the batches shoved before it?
      if (!this.clashesWith(b, x.o)) continue;
      this.placeFrom(x.o, x.moveFrom, x.o.startAt);
      this.pushed.add(x.o.id);
    }
  }

  private clashesWith(b: OpenBatch, o: OpenBatch): boolean {
    const sameUnit = o.stationId === b.stationId && o.stationUnit === b.stationUnit && o.startAt < b.endAt && o.endAt > b.startAt;
    return sameUnit || (o.personId === b.personId && personBusy(b).some(([s, e]) => personBusy(o).some(([s2, e2]) => s < e2 && s2 < e)));
  }

  /** (line, step) pairs a batch's pieces touch: its own steps and the steps after them. */
  private *lineSteps(batches: Iterable<OpenBatch>): Generator<string> {
    for (const b of batches) for (const item of b.items) {
      yield key(item.orderLineId, item.stepPosition);
      yield key(item.orderLineId, item.stepPosition + 1);
    }
  }

  /** Batches that start before enough pieces finished the step before, for the given (line, step) pairs. */
  shortBatches(pairs: Iterable<string>): Array<{ batch: OpenBatch; readyAt: number; previous: string }> {
    const wanted = new Set(pairs);
    const byPair = new Map<string, Array<{ b: OpenBatch; item: OpenItem }>>();
    for (const b of this.batches.values()) for (const item of b.items) {
      for (const k of [key(item.orderLineId, item.stepPosition), key(item.orderLineId, item.stepPosition + 1)]) {
        if (!wanted.has(k)) continue;
        const list = byPair.get(k) ?? [];
        list.push({ b, item });
        byPair.set(k, list);
      }
    }
    const out: Array<{ batch: OpenBatch; readyAt: number; previous: string }> = [];
    for (const pair of wanted) {
      const [line, stepText] = pair.split("#") as [string, string];
      const step = Number(stepText);
      if (step === 0) continue;
      const all = byPair.get(pair) ?? [];
      const producers = all.filter((u) => u.item.orderLineId === line && u.item.stepPosition === step - 1).sort((x, y) => x.b.endAt - y.b.endAt);
      const consumers = all.filter((u) => u.item.orderLineId === line && u.item.stepPosition === step).sort((x, y) => x.b.startAt - y.b.startAt);
      if (producers.length === 0) continue; // the step before is not on the plan (done long ago or not planned)
      let need = 0;
      for (const c of consumers) {
        need += c.item.pieces;
        let finished = 0;
        let readyAt = -Infinity;
        for (const p of producers) {
          if (finished >= need) break;
          finished += p.item.pieces - p.item.scrapped;
          readyAt = p.b.endAt;
        }
        if (finished >= need && c.b.startAt < readyAt) out.push({ batch: c.b, readyAt, previous: producers[0]!.b.stepName });
      }
    }
    return out;
  }

  /**
   * After an edit of `edited`: refuses it if it starts before its pieces are ready; moves on the person's and
   * station's later work an edited batch now runs into (in order), and later batches that lost their pieces,
   * onto their first free time, repeatedly. Pinned, started and done batches are never moved: the edit is
   * refused and says which one is in the way.
   */
  settle(edited: OpenBatch[]): void {
    for (const b of edited) this.editing.add(b.id);
    for (const b of edited) {
      const { person, perUnit } = this.blockers(b, b);
      const inTheWay = [...person, ...(perUnit[b.stationUnit] ?? [])];
      const hard = inTheWay.find((x) => !this.shovable(x, b.startAt));
      if (hard) {
        if (hard.o.startAt >= b.startAt) this.assertMovable(hard.o, `That would push ${describe(hard.o)}`);
        throw new Refusal(`That overlaps ${describe(hard.o)} (${this.label(hard.o.startAt)}).`, "CONFLICT");
      }
      this.shove(b, inTheWay);
    }
    let pending = new Set(this.lineSteps([...edited, ...this.takePushed()]));
    while (pending.size > 0) {
      if (this.changed.size > MAX_PUSHED) throw new Refusal("That would move too many batches. Plan again instead.");
      const short = this.shortBatches(pending).filter((s) => !this.initialShort.has(s.batch.id) || this.editing.has(s.batch.id));
      for (const { batch, readyAt, previous } of short) {
        if (this.editing.has(batch.id)) {
          throw new Refusal(`${batch.stepName} cannot start before its pieces finish ${previous} (${this.label(readyAt)}).`);
        }
        this.assertMovable(batch, `${batch.stepName} would start before its pieces finish ${previous}`);
        this.placeFrom(batch, readyAt, batch.startAt);
        this.pushed.add(batch.id);
      }
      pending = new Set(this.lineSteps(this.takePushed()));
    }
  }

  private takePushed(): OpenBatch[] {
    const out = [...this.pushed].map((id) => this.batches.get(id)!).filter(Boolean);
    this.pushed.clear();
    return out;
  }

  private assertMovable(b: OpenBatch, what: string): void {
    if (b.status !== "PLANNED") throw new Refusal(`${what}, which has already started at the bench.`, "CONFLICT");
    if (b.locked) throw new Refusal(`${what}, which is pinned (${this.label(b.startAt)}). Unpin it first.`, "CONFLICT");
  }
}

function describe(b: OpenBatch): string {
  return `“${b.stepName}”${b.locked ? " (pinned)" : b.status === "STARTED" ? " (started)" : ""}`;
}

