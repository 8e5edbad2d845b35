"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";

export function ResendVerificationButton() {
  const trpc = useTRPC();
  const resend = useMutation(trpc.auth.resendVerification.mutationOptions());
  if (resend.isSuccess) return <span className="font-medium">Sent. Check your inbox.</span>;
  return (
    <span className="flex items-center gap-2">
      {resend.isError && <span className="text-red-700">{resend.error.message}</span>}
      <Button variant="secondary" className="min-h-8 py-1" loading={resend.isPending} onClick={() => resend.mutate()}>
        Resend the link
      </Button>
    </span>
  );
}
