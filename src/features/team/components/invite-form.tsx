"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { inviteInput } from "../server/schemas";

type Values = z.input<typeof inviteInput>;

export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const invite = useMutation(trpc.team.invite.mutationOptions());
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(inviteInput), defaultValues: { email: "", role: "ASSISTANT" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const created = await invite.mutateAsync({ studioId: studio.id, ...values });
      form.reset({ email: "", role: values.role });
      setMessage({ tone: "success", text: `Invitation sent to ${created.email}.` });
      await queryClient.invalidateQueries({ queryKey: trpc.team.listInvites.queryKey({ studioId: studio.id }) });
    } catch (cause) {
      setMessage({ tone: "error", text: (cause as Error).message });
    }
  });

  return (
    <Card title="Invite someone" description="They get an email with a link to join. The link works once and expires in 7 days.">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
          <TextField label="Email" type="email" autoComplete="off" {...form.register("email")} error={form.formState.errors.email?.message} />
          <SelectField label="Role" {...form.register("role")} error={form.formState.errors.role?.message}>
            <option value="ASSISTANT">Assistant</option>
            <option value="ADMIN">Admin</option>
          </SelectField>
        </div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          Send invitation
        </Button>
      </form>
    </Card>
  );
}
