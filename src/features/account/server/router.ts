import { systemDb } from "~/server/db";
import { router } from "~/server/trpc/init";
import { protectedProcedure } from "~/server/trpc/procedures";
import { changePassword, getAccount, updateName } from "./account";
import { changePasswordInput, updateNameInput } from "./schemas";

export const accountRouter = router({
  get: protectedProcedure.query(({ ctx }) => getAccount(systemDb(), ctx.user)),
  updateName: protectedProcedure.input(updateNameInput).mutation(({ ctx, input }) => updateName(systemDb(), ctx.user, input)),
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(systemDb(), ctx.user, input, ctx.clientIp)),
});
