import { systemDb } from "~/server/db";
import { logger } from "~/server/logger";
import { router } from "~/server/trpc/init";
import { publicProcedure } from "~/server/trpc/init";
import { protectedProcedure } from "~/server/trpc/procedures";
import { signUpInput } from "./schemas";
import { signUp } from "./sign-up";

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ input }) => {
    const user = await signUp(systemDb(), input);
    logger.info("auth.sign_up", { userId: user.id });
    return user;
  }),
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  /** Ends every session of this account, on every device, at their next request. */
  signOutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    await systemDb().user.update({ where: { id: ctx.user.id }, data: { sessionVersion: { increment: 1 } } });
    logger.info("auth.sign_out_everywhere", { userId: ctx.user.id });
    return { ok: true };
  }),
});
