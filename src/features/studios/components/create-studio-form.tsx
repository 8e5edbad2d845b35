"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import { formatCents, formatQuantity } from "~/lib/units";
import { useTRPC } from "~/trpc/react";
import { slugSchema, studioNameSchema, timeZoneSchema } from "../server/schemas";
import { studioDefaults } from "../studio-defaults";
import { DEFAULT_WORKING_HOURS } from "../working-hours";
import { TimeZonePicker } from "./time-zone-picker";
import { browserLocale, browserTimeZone } from "./time-zones";
import { dayRowSchema, toDayRows, toIntervals, WorkingHoursEditor, type DayRow } from "./working-hours-editor";

const formSchema = z.object({ name: studioNameSchema, slug: slugSchema, timeZone: timeZoneSchema, days: z.array(dayRowSchema).length(7) });
type Values = { name: string; slug: string; timeZone: string; days: DayRow[] };

const noSubscription = () => () => {};

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

export function CreateStudioForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.studio.create.mutationOptions());
  const form = useForm<Values>({
    resolver: zodResolver(formSchema) as never,
    defaultValues: { name: "", slug: "", timeZone: "UTC", days: toDayRows(DEFAULT_WORKING_HOURS) },
  });
  const [slugTouched, setSlugTouched] = useState(false);
  const name = useWatch({ control: form.control, name: "name" });
  const slug = useWatch({ control: form.control, name: "slug" });
  const timeZone = useWatch({ control: form.control, name: "timeZone" });
  // The browser's locale only exists in the browser: read it without a hydration mismatch.
  const locale = useSyncExternalStore(noSubscription, browserLocale, () => undefined);
  const defaults = studioDefaults(timeZone, locale);

  useEffect(() => form.setValue("timeZone", browserTimeZone()), [form]);
  useEffect(() => {
    if (!slugTouched) form.setValue("slug", slugify(name));
  }, [name, slugTouched, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const studio = await create.mutateAsync({
        name: values.name,
        slug: values.slug,
        timeZone: values.timeZone,
        workingHours: toIntervals(values.days),
        locale,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.studio.listMine.queryKey() });
      router.push(`/s/${studio.slug}`);
    } catch (cause) {
      setError((cause as Error).message);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {error && <Alert>{error}</Alert>}
      <TextField label="Studio name" autoFocus placeholder="Silver Fern Studio" {...form.register("name")} error={form.formState.errors.name?.message} />
      <TextField
        label="Studio address"
        hint={`Your studio lives at /s/${slug || "your-studio"}`}
        {...form.register("slug", { onChange: () => setSlugTouched(true) })}
        error={form.formState.errors.slug?.message}
      />
      <div className="space-y-1">
        <Controller
          control={form.control}
          name="timeZone"
          render={({ field, fieldState }) => <TimeZonePicker value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
        />
        <p className="text-xs text-stone-500" data-testid="studio-defaults">
          Prices like {formatCents(123450, defaults)}, {defaults.unitSystem === "METRIC" ? "metric units" : "inches and troy weights"} ({formatQuantity(55_000, "MILLIMETER", defaults)}). You can change these in Settings.
        </p>
      </div>
      <WorkingHoursEditor register={form.register as never} errors={form.formState.errors.days} />
      <Button type="submit" loading={form.formState.isSubmitting}>
        Create studio
      </Button>
    </form>
  );
}
