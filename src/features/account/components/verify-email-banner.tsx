import { systemDb } from "~/server/db";
import { ResendVerificationButton } from "./resend-verification-button";

/** Shown in the studio layout until the signed-in user has confirmed their email address. */
export async function VerifyEmailBanner({ userId }: { userId: string }) {
  const user = await systemDb().user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return null;
  return (
    <div className="border-b border-amber-200 bg-amber-50" role="status">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm text-amber-900">
        <p>
          Please confirm your email address: we sent a link to <strong>{user.email}</strong>. Until then you cannot invite people.
        </p>
        <ResendVerificationButton />
      </div>
    </div>
  );
}
