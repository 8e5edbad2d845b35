"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signInWithPassword } from "~/features/auth/components/sign-in-with-password";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { newPasswordSchema } from "../server/schemas";

const schema = z.object({ password: newPasswordSchema });
type Values = z.input<typeof schema>;

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { password: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    let email: string;
    try {
      ({ email } = await reset.mutateAsync({ token, password: values.password }));
    } catch (cause) {
      setError((cause as Error).message);
      return;
    }
    // Every earlier session ended with the reset; this one starts fresh.
    const result = await signInWithPassword(email, values.password);
    router.push(result?.ok ? "/studios" : "/signin");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Choose a new password</h1>
        <p className="mt-1 text-sm text-stone-600">This signs you out on every other device.</p>
      </div>
      {error && (
        <Alert>
          {error}{" "}
          <Link href="/forgot-password" className="font-medium underline">
            Ask for a new link
          </Link>
        </Alert>
      )}
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint="At least 8 characters. A phrase you can remember works well."
        {...form.register("password")}
        error={form.formState.errors.password?.message}
      />
      <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
        Set password and sign in
      </Button>
    </form>
  );
}
