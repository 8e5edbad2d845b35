"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { signInWithPassword } from "~/features/auth/components/sign-in-with-password";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import { safeCallbackUrl } from "../callback-url";

const schema = z.object({
  email: z.string().trim().email({ message: "Enter a valid email address" }),
  password: z.string().min(1, { message: "Enter your password" }),
});
type Values = z.infer<typeof schema>;

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password don't match an account.",
  TooManyAttempts: "Too many failed attempts. Wait a few minutes, then try again.",
};

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(params.get("error") ? MESSAGES[params.get("error")!] ?? "Sign-in failed." : null);
  const callbackUrl = safeCallbackUrl(params.get("callbackUrl"));
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: params.get("email") ?? "", password: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await signInWithPassword(values.email, values.password);
    if (!result?.ok || result.error) {
      setError(result?.status === 429 ? MESSAGES.TooManyAttempts! : MESSAGES[result?.error ?? ""] ?? MESSAGES.CredentialsSignin!);
      return;
    }
    router.push(callbackUrl ?? "/studios");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <h1 className="text-xl font-semibold">Sign in</h1>
      {error && <Alert>{error}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" autoFocus {...form.register("email")} error={form.formState.errors.email?.message} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        {...form.register("password")}
        error={form.formState.errors.password?.message}
      />
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          Forgot password?
        </Link>
      </p>
      <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
        Sign in
      </Button>
      <p className="text-center text-sm text-stone-600">
        New to Benchflow?{" "}
        <Link href={callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signup"} className="font-medium text-brand-700 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
