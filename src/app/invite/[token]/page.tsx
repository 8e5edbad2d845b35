import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { AcceptInviteButton, SwitchAccountButton } from "~/features/team/components/accept-invite";
import { viewInvitation } from "~/features/team/server/accept-invite";
import { ROLE_LABELS } from "~/server/authz/permissions";
import { getAppSession } from "~/server/auth";
import { systemDb } from "~/server/db";

export const metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [view, session] = await Promise.all([viewInvitation(systemDb(), token), getAppSession()]);
  const here = `/invite/${token}`;

  let body;
  if (view.status === "invalid") {
    body = (
      <>
        <h1 className="text-xl font-semibold">Invitation not found</h1>
        <Alert>This invitation link is not valid or has already been used.</Alert>
        <Link href="/studios" className={buttonClasses("secondary", "w-full")}>
          Go to your studios
        </Link>
      </>
    );
  } else if (view.status === "expired") {
    body = (
      <>
        <h1 className="text-xl font-semibold">Invitation expired</h1>
        <Alert>This invitation to {view.studioName} has expired. Ask {view.inviterName ?? "the studio"} to send a new one.</Alert>
      </>
    );
  } else {
    const query = (path: string) => `${path}?email=${encodeURIComponent(view.email)}&callbackUrl=${encodeURIComponent(here)}`;
    const signedInAs = session?.email.toLowerCase();
    body = (
      <>
        <div>
          <h1 className="text-xl font-semibold">Join {view.studioName}</h1>
          <p className="mt-2 text-sm text-stone-600">
            {view.inviterName ?? "Someone"} invited <strong>{view.email}</strong> to join {view.studioName} on Benchflow as{" "}
            {ROLE_LABELS[view.role].toLowerCase()}.
          </p>
        </div>
        {!session ? (
          <div className="space-y-3">
            <Link href={query("/signup")} className={buttonClasses("primary", "w-full")}>
              Create an account
            </Link>
            <Link href={query("/signin")} className={buttonClasses("secondary", "w-full")}>
              I already have an account
            </Link>
          </div>
        ) : signedInAs === view.email ? (
          <AcceptInviteButton token={token} studioName={view.studioName} />
        ) : (
          <div className="space-y-3">
            <Alert tone="info">
              You are signed in as {session.email}. This invitation is for {view.email}.
            </Alert>
            <SwitchAccountButton returnTo={here} />
          </div>
        )}
      </>
    );
  }

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <Link href="/" className="mb-8 text-lg font-semibold tracking-tight text-brand-900">
        Benchflow
      </Link>
      <div className="w-full max-w-sm space-y-4 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">{body}</div>
    </main>
  );
}
