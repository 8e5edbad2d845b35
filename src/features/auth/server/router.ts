import { systemDb } from "~/server/db";
import { logger } from "~/server/logger";
import { consumeRateLimit } from "~/server/rate-limit";
import { publicProcedure, router } from "~/server/trpc/init";
import { protectedProcedure } from "~/server/trpc/procedures";
import { resendVerification, verifyEmail } from "./email-verification";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { requestPasswordResetInput, resetPasswordInput, signUpInput, verifyEmailInput } from "./schemas";
import { signUp } from "./sign-up";

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    await consumeRateLimit([["signUpPerAddress", ctx.clientIp]], "Too many sign-ups");
    return signUp(systemDb(), input);
  }),
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  /** Ends every session of this account, on every device, at their next request. */
  signOutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    await systemDb().user.update({ where: { id: ctx.user.id }, data: { sessionVersion: { increment: 1 } } });
    logger.info("auth.sign_out_everywhere", { userId: ctx.user.id });
    return { ok: true };
  }),
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(systemDb(), input.email, ctx.clientIp)),
  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .mutation(({ input }) => resetPassword(systemDb(), input.token, input.password)),
  verifyEmail: publicProcedure.input(verifyEmailInput).mutation(({ input }) => verifyEmail(systemDb(), input.token)),
  resendVerification: protectedProcedure.mutation(({ ctx }) => resendVerification(systemDb(), ctx.user.id)),
});
