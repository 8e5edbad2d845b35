// Runs the suite on another date: BENCHFLOW_TEST_NOW=2027-07-14T09:30:00Z npm test (any ISO instant). The
// suite's clock starts at that instant and runs at real speed: `Date` reads the real clock moved by a fixed
// offset. Timers, the PostgreSQL pool and performance.now are untouched, so waits and timeouts behave as usual,
// and a test can still install its own vitest fake clock (vi.useFakeTimers saves and restores this Date).
// No test may depend on the day or season it runs on: run the suite in summer and in winter to prove it
// (README, "Test it"). The database server's clock (now() in SQL) is not moved: code takes "now" from JS.
//
// Why not vitest's own fake timers with shouldAdvanceTime: they advance in interval ticks, so the clock falls
// behind whenever the event loop is busy (a planner run), and stops during synchronous work.

const fakeNow = process.env.BENCHFLOW_TEST_NOW;

if (fakeNow) {
  const start = Date.parse(fakeNow);
  if (Number.isNaN(start)) throw new Error(`BENCHFLOW_TEST_NOW is not an ISO instant: ${fakeNow}`);
  const RealDate = Date;
  const offset = start - RealDate.now();
  // Shares Date.prototype (libraries such as @date-fns/tz read its methods when they load), like vitest's own
  // date mock; `class X extends Date` still constructs X instances.
  const ShiftedDate = function (this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(RealDate.now() + offset).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [RealDate.now() + offset] : args, new.target);
  } as unknown as DateConstructor;
  Object.setPrototypeOf(ShiftedDate, RealDate);
  Object.defineProperty(ShiftedDate, "prototype", { value: RealDate.prototype });
  Object.defineProperty(ShiftedDate, "now", { value: () => RealDate.now() + offset, writable: true, configurable: true });
  globalThis.Date = ShiftedDate as DateConstructor;
}
