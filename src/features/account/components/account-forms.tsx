"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { signInWithPassword } from "~/features/auth/components/sign-in-with-password";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useTRPC } from "~/trpc/react";
import { changePasswordInput, updateNameInput } from "../server/schemas";
import { ResendVerificationButton } from "./resend-verification-button";

type Message = { tone: "error" | "success"; text: string } | null;

export function AccountForms() {
  const trpc = useTRPC();
  const account = useQuery(trpc.account.get.queryOptions());
  if (account.isPending) return <Spinner label="Loading your account…" />;
  if (account.isError) return <Alert>{account.error.message}</Alert>;
  return (
    <div className="space-y-6">
      <ProfileForm name={account.data.name} email={account.data.email} verified={Boolean(account.data.emailVerifiedAt)} />
      <PasswordForm email={account.data.email} />
      <SessionsCard />
    </div>
  );
}

function ProfileForm({ name, email, verified }: { name: string; email: string; verified: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.account.updateName.mutationOptions());
  const [message, setMessage] = useState<Message>(null);
  const form = useForm<z.input<typeof updateNameInput>>({ resolver: zodResolver(updateNameInput), defaultValues: { name } });
  useEffect(() => form.reset({ name }), [name, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      queryClient.setQueryData(trpc.account.get.queryKey(), await update.mutateAsync(values));
      setMessage({ tone: "success", text: "Name saved." });
    } catch (cause) {
      setMessage({ tone: "error", text: (cause as Error).message });
    }
  });

  return (
    <Card title="Profile">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <TextField label="Your name" autoComplete="name" {...form.register("name")} error={form.formState.errors.name?.message} />
        <div className="space-y-1 text-sm">
          <p className="font-medium text-stone-700">Email</p>
          <p className="flex flex-wrap items-center gap-2 text-stone-900">
            {email}
            {verified ? (
              <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">confirmed</span>
            ) : (
              <>
                <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">not confirmed</span>
                <ResendVerificationButton />
              </>
            )}
          </p>
        </div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          Save name
        </Button>
      </form>
    </Card>
  );
}

function PasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const [message, setMessage] = useState<Message>(null);
  const form = useForm<z.input<typeof changePasswordInput>>({
    resolver: zodResolver(changePasswordInput),
    defaultValues: { currentPassword: "", newPassword: "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await change.mutateAsync(values);
    } catch (cause) {
      setMessage({ tone: "error", text: (cause as Error).message });
      return;
    }
    // The change ended every session, this one too: sign straight back in with the new password.
    const result = await signInWithPassword(email, values.newPassword);
    form.reset();
    setMessage(
      result?.ok
        ? { tone: "success", text: "Password changed. Every other device has been signed out." }
        : { tone: "error", text: "Password changed. Please sign in again." },
    );
  });

  return (
    <Card title="Password" description="Changing it signs you out on every other device.">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          {...form.register("currentPassword")}
          error={form.formState.errors.currentPassword?.message}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters. A phrase you can remember works well."
          {...form.register("newPassword")}
          error={form.formState.errors.newPassword?.message}
        />
        <Button type="submit" loading={form.formState.isSubmitting}>
          Change password
        </Button>
      </form>
    </Card>
  );
}

function SessionsCard() {
  const trpc = useTRPC();
  const everywhere = useMutation(trpc.auth.signOutEverywhere.mutationOptions());
  return (
    <Card title="Sessions" description="Signed in on a shared or lost device? End every session, this one included.">
      {everywhere.isError && <Alert>{everywhere.error.message}</Alert>}
      <Button
        variant="danger"
        loading={everywhere.isPending}
        onClick={() => everywhere.mutate(undefined, { onSuccess: () => signOut({ callbackUrl: "/signin" }) })}
      >
        Sign out everywhere
      </Button>
    </Card>
  );
}
