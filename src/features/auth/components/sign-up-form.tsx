"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { signInWithPassword } from "~/features/auth/components/sign-in-with-password";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { signUpInput } from "../server/schemas";
import { safeCallbackUrl } from "../callback-url";

type Values = z.input<typeof signUpInput>;

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const params = useSearchParams();
  const callbackUrl = safeCallbackUrl(params.get("callbackUrl"));
  const form = useForm<Values>({ resolver: zodResolver(signUpInput), defaultValues: { name: "", email: params.get("email") ?? "", password: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    setNotice(null);
    try {
      // From an invitation link: the token (in the way back to the invitation) proves the address.
      const inviteToken = callbackUrl?.match(/^\/invite\/([A-Za-z0-9_-]+)/)?.[1];
      await signUp.mutateAsync({ ...values, ...(inviteToken ? { inviteToken } : {}) });
    } catch (cause) {
      setError((cause as Error).message);
      return;
    }
    const result = await signInWithPassword(values.email, values.password);
    if (!result?.ok) {
      // The sign-up answer never says whether the address had an account; its owner got an email instead.
      setNotice("Check your inbox. If this address already has an account, we sent it an email: sign in, or reset your password from there.");
      return;
    }
    router.push(callbackUrl ?? "/studios/new");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Create your account</h1>
        <p className="mt-1 text-sm text-stone-600">Then set up your studio in a minute.</p>
      </div>
      {error && <Alert>{error}</Alert>}
      {notice && (
        <Alert tone="info">
          {notice}{" "}
          <Link href={callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin"} className="font-medium underline">
            Sign in
          </Link>
        </Alert>
      )}
      <TextField label="Your name" autoComplete="name" autoFocus {...form.register("name")} error={form.formState.errors.name?.message} />
      <TextField label="Email" type="email" autoComplete="email" {...form.register("email")} error={form.formState.errors.email?.message} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters. A phrase you can remember works well."
        {...form.register("password")}
        error={form.formState.errors.password?.message}
      />
      <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
        Create account
      </Button>
      <p className="text-center text-sm text-stone-600">
        Already have an account?{" "}
        <Link href={callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin"} className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
