/**
 * Bad input to the engine: an unknown station, a calendar that does not parse, a batch with no slot in the
 * horizon. Its message is written for the studio (the planner shows it as the run's status); anything else the
 * engine throws is a bug.
 */
export class SchedulingError extends Error {
  override name = "SchedulingError";
}
