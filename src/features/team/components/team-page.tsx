"use client";

import { useCan } from "~/features/studios/components/studio-context";
import { InviteForm } from "./invite-form";
import { MemberList } from "./member-list";
import { PendingInvites } from "./pending-invites";

export function TeamPage() {
  const canManage = useCan("members:manage");
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Team</h1>
      <MemberList />
      {canManage && (
        <>
          <InviteForm />
          <PendingInvites />
        </>
      )}
    </div>
  );
}
