"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useTRPC } from "~/trpc/react";
import { useStudioLive } from "./use-studio-live";
import { formatCents, formatQuantity, UNIT_SYSTEM_LABELS, UNIT_SYSTEMS, type UnitSystemName } from "~/lib/units";
import { currencySchema, localeSchema, studioNameSchema, timeZoneSchema } from "../server/schemas";
import { currencyOptions, LOCALE_OPTIONS } from "../studio-defaults";
import { useCan, useCurrentStudio } from "./studio-context";
import { TimeZonePicker } from "./time-zone-picker";
import { dayRowSchema, toDayRows, toIntervals, WorkingHoursEditor, type DayRow } from "./working-hours-editor";

const formSchema = z.object({
  name: studioNameSchema,
  timeZone: timeZoneSchema,
  days: z.array(dayRowSchema).length(7),
  currency: currencySchema,
  locale: localeSchema,
  unitSystem: z.enum(UNIT_SYSTEMS),
});
type Values = { name: string; timeZone: string; days: DayRow[]; currency: string; locale: string; unitSystem: UnitSystemName };

export function StudioSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const current = useCurrentStudio();
  const canEdit = useCan("studio:update");
  const currencies = currencyOptions();
  const studio = useQuery(trpc.studio.get.queryOptions({ studioId: current.id }));
  useStudioLive(["studio."], [trpc.studio.get.queryKey({ studioId: current.id })]);
  const update = useMutation(trpc.studio.update.mutationOptions());
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(formSchema) as never });

  useEffect(() => {
    if (studio.data) {
      form.reset({
        name: studio.data.name, timeZone: studio.data.timeZone, days: toDayRows(studio.data.workingHours),
        currency: studio.data.currency, locale: studio.data.locale, unitSystem: studio.data.unitSystem,
      });
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
        currency: values.currency,
        locale: values.locale,
        unitSystem: values.unitSystem,
      });
      queryClient.setQueryData(trpc.studio.get.queryKey({ studioId: current.id }), saved);
      await queryClient.invalidateQueries({ queryKey: trpc.studio.listMine.queryKey() });
      setMessage({ tone: "success", text: "Settings saved." });
      // Every screen reads the studio's zone, currency, number format and units from the page's layout: reload it.
      router.refresh();
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
          <Controller
            control={form.control}
            name="timeZone"
            render={({ field, fieldState }) => <TimeZonePicker value={field.value ?? ""} onChange={field.onChange} error={fieldState.error?.message} disabled={!canEdit} />}
          />
          <MoneyAndUnits form={form} currencies={currencies} locales={[...new Set([studio.data.locale, ...LOCALE_OPTIONS])]} />
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

/** Currency, number format and unit system, with a sample of how the studio will read them. */
function MoneyAndUnits({ form, currencies, locales }: { form: ReturnType<typeof useForm<Values>>; currencies: string[]; locales: string[] }) {
  const [currency, locale, unitSystem] = useWatch({ control: form.control, name: ["currency", "locale", "unitSystem"] });
  let sample = "";
  try {
    const format = { currency, locale, unitSystem };
    sample = `${formatCents(123450, format)} · ${formatQuantity(55_000, "MILLIMETER", format)} of wire · ${formatQuantity(31_103, "GRAM", format)} of silver`;
  } catch {
    sample = "";
  }
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-stone-700">Money and units</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Currency" {...form.register("currency")} error={form.formState.errors.currency?.message}>
          {currencies.map((code) => <option key={code} value={code}>{code}</option>)}
        </SelectField>
        <SelectField label="Number format" {...form.register("locale")} error={form.formState.errors.locale?.message}>
          {locales.map((code) => <option key={code} value={code}>{code}</option>)}
        </SelectField>
      </div>
      <div className="flex flex-wrap gap-4">
        {UNIT_SYSTEMS.map((system) => (
          <label key={system} className="flex items-center gap-2 text-sm">
            <input type="radio" value={system} className="size-4" {...form.register("unitSystem")} /> {UNIT_SYSTEM_LABELS[system]}
          </label>
        ))}
      </div>
      {sample && <p className="text-xs text-stone-500" data-testid="format-sample">Looks like: {sample}</p>}
    </fieldset>
  );
}
