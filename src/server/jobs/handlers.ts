import { planJobHandler } from "~/features/planning/server/plan-job";
import type { JobHandler } from "./runner";

/** Every kind of background job, composed here for the worker process and the in-process poller. */
export const jobHandlers: readonly JobHandler[] = [planJobHandler];
