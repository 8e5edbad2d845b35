"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import type { DayRange } from "../server/schemas";

type Values = { firstDay: string; lastDay: string; label: string };

/** A first day, a last day (empty = the same day) and a label: days off and studio holidays. */
export function DayRangeForm({
  submitLabel,
  labelField,
  onAdd,
}: {
  submitLabel: string;
  labelField: { label: string; placeholder?: string; required: boolean };
  onAdd: (range: DayRange, label: string) => Promise<unknown>;
}) {
  const [error, setError] = useState<string | null>(null);
  const schema = z
    .object({
      firstDay: z.string().min(1, { message: "Pick the first day" }),
      lastDay: z.string(),
      label: labelField.required
        ? z.string().trim().min(1, { message: `Enter a ${labelField.label.toLowerCase()}` }).max(80, { message: "Use at most 80 characters" })
        : z.string().trim().max(120, { message: "Use at most 120 characters" }),
    })
    .refine((v) => !v.lastDay || v.lastDay >= v.firstDay, { path: ["lastDay"], message: "The last day must be on or after the first day" });
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { firstDay: "", lastDay: "", label: "" } });
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await onAdd({ firstDay: values.firstDay, lastDay: values.lastDay || values.firstDay }, values.label);
      form.reset();
    } catch (cause) {
      setError((cause as Error).message);
    }
  });
  return (
    <form onSubmit={onSubmit} onChange={() => error && setError(null)} noValidate className="grid items-end gap-2 sm:grid-cols-[10rem_10rem_1fr_auto]">
      <TextField label="First day" type="date" {...form.register("firstDay")} error={e.firstDay?.message} />
      <TextField label="Last day (optional)" type="date" {...form.register("lastDay")} error={e.lastDay?.message} />
      <TextField label={labelField.label} placeholder={labelField.placeholder} {...form.register("label")} error={e.label?.message} />
      <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>{submitLabel}</Button>
      {error && <div className="sm:col-span-4"><Alert>{error}</Alert></div>}
    </form>
  );
}
