"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { requestPasswordResetInput } from "../server/schemas";

type Values = z.input<typeof requestPasswordResetInput>;

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(requestPasswordResetInput), defaultValues: { email: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await request.mutateAsync(values);
      setSentTo(values.email.trim());
    } catch (cause) {
      setError((cause as Error).message);
    }
  });

  if (sentTo) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Check your inbox</h1>
        <Alert tone="success">
          If {sentTo} has a Benchflow account, we sent it a link to choose a new password. The link works for 1 hour.
        </Alert>
        <Link href="/signin" className="block text-center text-sm font-medium text-brand-700 hover:underline">
          Back to sign in
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Forgot your password?</h1>
        <p className="mt-1 text-sm text-stone-600">Enter your email and we will send you a link to choose a new one.</p>
      </div>
      {error && <Alert>{error}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" autoFocus {...form.register("email")} error={form.formState.errors.email?.message} />
      <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
        Send the link
      </Button>
      <p className="text-center text-sm text-stone-600">
        <Link href="/signin" className="font-medium text-brand-700 hover:underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
