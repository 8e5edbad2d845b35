// The engine's public API: what the app uses. Plain data in, plain data out; bad input throws SchedulingError.
// The flow-shop benchmark harness has its own index (./flowshop); the CLI, perf scripts and unit tests may also
// reach into modules (generator, prng, run).
export * from "./types";
export { SchedulingError } from "./errors";
export { solveStudio } from "./studio/solve";
export { validatePlan } from "./studio/validate";
export { expandWeeklyCalendar } from "./studio/calendar";
export { instantOfWall, isValidZone } from "./studio/zone";
