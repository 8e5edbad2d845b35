"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { ROLE_LABELS } from "~/server/authz/permissions";
import { useTRPC } from "~/trpc/react";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function PendingInvites() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const invites = useQuery(trpc.team.listInvites.queryOptions({ studioId: studio.id }));
  const resend = useMutation(trpc.team.resendInvite.mutationOptions());
  const revoke = useMutation(trpc.team.revokeInvite.mutationOptions());
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function run(action: () => Promise<unknown>, success: string) {
    setMessage(null);
    try {
      await action();
      setMessage({ tone: "success", text: success });
    } catch (cause) {
      setMessage({ tone: "error", text: (cause as Error).message });
    }
    await queryClient.invalidateQueries({ queryKey: trpc.team.listInvites.queryKey({ studioId: studio.id }) });
  }

  return (
    <Card title="Pending invitations">
      {message && (
        <div className="mb-3">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      {invites.isPending ? (
        <Spinner label="Loading invitations…" />
      ) : invites.isError ? (
        <Alert>{invites.error.message}</Alert>
      ) : invites.data.length === 0 ? (
        <p className="text-sm text-stone-600">No pending invitations.</p>
      ) : (
        <ul className="divide-y divide-stone-200" aria-label="Pending invitations">
          {invites.data.map((invite) => (
            <li key={invite.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              {/* A long address must not push the card wider than a phone: it wraps inside its own box. */}
              <div className="min-w-0 max-w-full flex-1 basis-56">
                <p className="break-all font-medium">{invite.email}</p>
                <p className="text-sm text-stone-600">
                  {ROLE_LABELS[invite.role]} ·{" "}
                  {invite.expired ? (
                    <span className="font-medium text-red-700">expired</span>
                  ) : (
                    `expires ${dateFormat.format(invite.expiresAt)}`
                  )}
                  {invite.invitedByName ? ` · invited by ${invite.invitedByName}` : ""}
                </p>
              </div>
              <div className="flex gap-2">
                <Button
                  variant="secondary"
                  loading={resend.isPending && resend.variables?.invitationId === invite.id}
                  onClick={() => run(() => resend.mutateAsync({ studioId: studio.id, invitationId: invite.id }), `New link sent to ${invite.email}.`)}
                >
                  Resend
                </Button>
                <Button
                  variant="ghost"
                  loading={revoke.isPending && revoke.variables?.invitationId === invite.id}
                  onClick={() => run(() => revoke.mutateAsync({ studioId: studio.id, invitationId: invite.id }), `Invitation to ${invite.email} revoked.`)}
                >
                  Revoke
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
