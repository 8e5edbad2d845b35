import { systemDb } from "~/server/db";
import { publicProcedure, router } from "~/server/trpc/init";
import { protectedProcedure } from "~/server/trpc/procedures";
import { resendVerification, verifyEmail } from "./email-verification";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { requestPasswordResetInput, resetPasswordInput, signUpInput, verifyEmailInput } from "./schemas";
import { signOutEverywhere } from "./sign-out";
import { signUp } from "./sign-up";

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(systemDb(), input, ctx.clientIp)),
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  /** Ends every session of this account, on every device, at their next request. */
  signOutEverywhere: protectedProcedure.mutation(({ ctx }) => signOutEverywhere(systemDb(), ctx.user)),
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(systemDb(), input, ctx.clientIp)),
  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .mutation(({ input }) => resetPassword(systemDb(), input)),
  verifyEmail: publicProcedure.input(verifyEmailInput).mutation(({ input }) => verifyEmail(systemDb(), input)),
  resendVerification: protectedProcedure.mutation(({ ctx }) => resendVerification(systemDb(), ctx.user)),
});
