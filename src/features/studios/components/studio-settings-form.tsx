"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useTRPC } from "~/trpc/react";
import { useStudioLive } from "./use-studio-live";
import { studioNameSchema, timeZoneSchema } from "../server/schemas";
import { useCan, useCurrentStudio } from "./studio-context";
import { timeZoneOptions } from "./time-zones";
import { dayRowSchema, toDayRows, toIntervals, WorkingHoursEditor, type DayRow } from "./working-hours-editor";

const formSchema = z.object({ name: studioNameSchema, timeZone: timeZoneSchema, days: z.array(dayRowSchema).length(7) });
type Values = { name: string; timeZone: string; days: DayRow[] };

export function StudioSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const current = useCurrentStudio();
  const canEdit = useCan("studio:update");
  const zones = useMemo(() => timeZoneOptions(), []);
  const studio = useQuery(trpc.studio.get.queryOptions({ studioId: current.id }));
  useStudioLive(["studio."], [trpc.studio.get.queryKey({ studioId: current.id })]);
  const update = useMutation(trpc.studio.update.mutationOptions());
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(formSchema) as never });

  useEffect(() => {
    if (studio.data) {
      form.reset({ name: studio.data.name, timeZone: studio.data.timeZone, days: toDayRows(studio.data.workingHours) });
    }
  }, [studio.data, form]);

  if (studio.isPending) return <Spinner label="Loading settings…" />;
  if (studio.isError) return <Alert>{studio.error.message}</Alert>;

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const saved = await update.mutateAsync({
        studioId: current.id,
        expectedVersion: studio.data.version,
        name: values.name,
        timeZone: values.timeZone,
        workingHours: toIntervals(values.days),
      });
      queryClient.setQueryData(trpc.studio.get.queryKey({ studioId: current.id }), saved);
      await queryClient.invalidateQueries({ queryKey: trpc.studio.listMine.queryKey() });
      // Every screen shows days and times in the studio's zone (from the page's layout): reload it.
      if (saved.timeZone !== current.timeZone) router.refresh();
      setMessage({ tone: "success", text: "Settings saved." });
    } catch (cause) {
      setMessage({ tone: "error", text: (cause as Error).message });
    }
  });

  return (
    <Card title="Studio settings" description={canEdit ? undefined : "Only owners and admins can change these settings."}>
      <form onSubmit={onSubmit} noValidate className="space-y-5">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <fieldset disabled={!canEdit} className="space-y-5">
          <TextField label="Studio name" {...form.register("name")} error={form.formState.errors.name?.message} />
          <SelectField label="Time zone" {...form.register("timeZone")} error={form.formState.errors.timeZone?.message}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </SelectField>
          <WorkingHoursEditor register={form.register as never} errors={form.formState.errors.days} />
        </fieldset>
        {canEdit && (
          <Button type="submit" loading={form.formState.isSubmitting}>
            Save settings
          </Button>
        )}
      </form>
    </Card>
  );
}
