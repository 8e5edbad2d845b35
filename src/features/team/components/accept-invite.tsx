"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { useTRPC } from "~/trpc/react";

export function AcceptInviteButton({ token, studioName }: { token: string; studioName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.team.acceptInvite.mutationOptions());
  return (
    <div className="space-y-3">
      {accept.isError && <Alert>{accept.error.message}</Alert>}
      <Button
        className="w-full"
        loading={accept.isPending || accept.isSuccess}
        onClick={() =>
          accept.mutate(
            { token },
            {
              onSuccess: (result) => {
                router.push(`/s/${result.studio.slug}`);
                router.refresh();
              },
            },
          )
        }
      >
        Join {studioName}
      </Button>
    </div>
  );
}

export function SwitchAccountButton({ returnTo }: { returnTo: string }) {
  return (
    <Button variant="secondary" className="w-full" onClick={() => signOut({ callbackUrl: returnTo })}>
      Sign out and use another account
    </Button>
  );
}
