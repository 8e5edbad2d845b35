import { systemDb } from "~/server/db";
import { router } from "~/server/trpc/init";
import { permittedProcedure, protectedProcedure, studioProcedure } from "~/server/trpc/procedures";
import { listMyStudios } from "~/server/authz/membership";
import { createStudio } from "./create-studio";
import { addHoliday, listHolidays, removeHoliday } from "./holidays";
import { setupProgress } from "./setup-progress";
import { addHolidayInput, createStudioInput, holidayIdInput, updateStudioInput } from "./schemas";
import { getStudio, updateStudio } from "./studio-settings";
import { studioEventsInput } from "./schemas";
import { studioEventFeed } from "~/server/realtime/studio-events";

export const studioRouter = router({
  // Account-level: a new tenant, and the caller's own memberships.
  create: protectedProcedure
    .input(createStudioInput)
    .mutation(({ ctx, input }) => createStudio(systemDb(), ctx.user, input)),
  listMine: protectedProcedure.query(({ ctx }) => listMyStudios(systemDb(), ctx.user.id)),

  get: studioProcedure.query(({ ctx }) => getStudio(ctx)),
  update: permittedProcedure("studio:update")
    .input(updateStudioInput)
    .mutation(({ ctx, input }) => updateStudio(ctx, input)),
  setupProgress: studioProcedure.query(({ ctx }) => setupProgress(ctx)),
  holidays: studioProcedure.query(({ ctx }) => listHolidays(ctx)),
  addHoliday: permittedProcedure("studio:update").input(addHolidayInput).mutation(({ ctx, input }) => addHoliday(ctx, input)),
  removeHoliday: permittedProcedure("studio:update").input(holidayIdInput).mutation(({ ctx, input }) => removeHoliday(ctx, input)),
  /** Live feed (SSE) of the studio's changes, e.g. topics ["studio."] or ["batch."]. */
  events: studioProcedure.input(studioEventsInput).subscription(({ ctx, input, signal }) =>
    studioEventFeed({ studioId: ctx.studio.id, session: ctx.session, topics: input.topics, signal: signal ?? new AbortController().signal }),
  ),
});
