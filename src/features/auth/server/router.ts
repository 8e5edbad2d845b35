import { systemDb } from "~/server/db";
import { clientIp } from "~/server/http/client-ip";
import { logger } from "~/server/logger";
import { publicProcedure, router } from "~/server/trpc/init";
import { protectedProcedure } from "~/server/trpc/procedures";
import { resendVerification, sendVerificationMailQuietly, verifyEmail } from "./email-verification";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { consumeRateLimit, RATE_LIMITS } from "./rate-limit";
import { requestPasswordResetInput, resetPasswordInput, signUpInput, verifyEmailInput } from "./schemas";
import { invitedAddress, signUp } from "./sign-up";

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const ip = clientIp(ctx.headers);
    await consumeRateLimit(systemDb(), [[ip ? `signup:ip:${ip}` : null, RATE_LIMITS.signUpPerAddress]], "Too many sign-ups");
    // An invitee who signs up from their invitation link already proved the address: no confirmation mail.
    const invited = await invitedAddress(systemDb(), input.inviteToken, input.email);
    const user = await signUp(systemDb(), input, { emailVerified: invited });
    logger.info("auth.sign_up", { userId: user.id, invited });
    if (!invited) await sendVerificationMailQuietly(systemDb(), { ...user, name: input.name });
    return { id: user.id, email: user.email };
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
    .mutation(({ ctx, input }) => requestPasswordReset(systemDb(), input.email, clientIp(ctx.headers))),
  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .mutation(({ input }) => resetPassword(systemDb(), input.token, input.password)),
  verifyEmail: publicProcedure.input(verifyEmailInput).mutation(({ input }) => verifyEmail(systemDb(), input.token)),
  resendVerification: protectedProcedure.mutation(({ ctx }) => resendVerification(systemDb(), ctx.user.id)),
});
