"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio, useStudioFormat } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { currencySymbol, formatCents, moneyToCents } from "~/lib/units";

const values = z.object({
  labourRate: z.number({ message: "Enter an hourly rate" }).min(0, { message: "Cannot be negative" }).max(10_000, { message: "At most 10,000 per hour" }),
  batchSize: z.number({ message: "Enter a batch size" }).int({ message: "Use a whole number" }).min(1, { message: "At least 1" }).max(10_000, { message: "At most 10,000" }),
});
type Values = z.infer<typeof values>;

/** Labour rate and typical batch size used when a design version is published (new versions only). */
export function CostingForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const canEdit = useCan("catalog:edit");
  const format = useStudioFormat();
  const costing = useQuery(trpc.catalog.costing.queryOptions({ studioId: studio.id }));
  const update = useMutation(trpc.catalog.updateCosting.mutationOptions());
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(values), defaultValues: { labourRate: 0, batchSize: 1 } });
  const e = form.formState.errors;

  useEffect(() => {
    if (costing.data) form.reset({ labourRate: costing.data.labourRateCents / 100, batchSize: costing.data.costingBatchSize });
  }, [costing.data, form]);

  const onSubmit = form.handleSubmit(async (v) => {
    setMessage(null);
    try {
      await update.mutateAsync({ studioId: studio.id, labourRateCents: moneyToCents(v.labourRate), costingBatchSize: v.batchSize });
      await queryClient.invalidateQueries({ queryKey: trpc.catalog.costing.queryKey({ studioId: studio.id }) });
      setMessage({ tone: "success", text: "Saved. Designs use it from their next version." });
    } catch (cause) {
      setMessage({ tone: "error", text: (cause as Error).message });
    }
  });

  return (
    <Card title="Costing" description="Standard cost = materials + labour at this rate, with setup spread over a typical batch. Applies to versions published from now on.">
      {costing.isPending ? (
        <Spinner label="Loading costing…" />
      ) : costing.isError ? (
        <Alert>{costing.error.message}</Alert>
      ) : !canEdit ? (
        <p className="text-sm text-stone-700">{formatCents(costing.data.labourRateCents, format)} / hour · typical batch {costing.data.costingBatchSize}</p>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label={`Labour rate (${currencySymbol(format)} / hour)`} type="number" step="0.01" min="0" {...form.register("labourRate", { valueAsNumber: true })} error={e.labourRate?.message} />
            <TextField label="Typical batch size" type="number" step="1" min="1" {...form.register("batchSize", { valueAsNumber: true })} error={e.batchSize?.message} />
          </div>
          <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>Save costing</Button>
          {message && <Alert tone={message.tone}>{message.text}</Alert>}
        </form>
      )}
    </Card>
  );
}
