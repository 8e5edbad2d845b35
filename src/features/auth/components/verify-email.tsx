"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { useTRPC } from "~/trpc/react";

/** Confirming needs a click (a POST): mail scanners that prefetch links do not use the token up. */
export function VerifyEmail({ token }: { token: string }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions());
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Confirm your email address</h1>
      {verify.isSuccess ? (
        <>
          <Alert tone="success">Thank you, your address is confirmed.</Alert>
          <Link href="/studios" className="block text-center text-sm font-medium text-brand-700 hover:underline">
            Continue to Benchflow
          </Link>
        </>
      ) : (
        <>
          {verify.isError && <Alert>{verify.error.message}</Alert>}
          <Button className="w-full" loading={verify.isPending} onClick={() => verify.mutate({ token })}>
            Confirm my address
          </Button>
        </>
      )}
    </div>
  );
}
