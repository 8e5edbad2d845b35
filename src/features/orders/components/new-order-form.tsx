"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { Button } from "~/components/ui/button";
import { Alert, Card, EmptyState } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import { ORDER_KINDS, ORDER_KIND_LABELS, orderFields, type OrderFields } from "../schemas";

export function NewOrderForm() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const router = useRouter();
  const clock = useStudioTime();
  // Due days are days in the studio's zone: two weeks from the studio's today.
  const inDays = clock.today;
  const variants = useQuery(trpc.order.orderableVariants.queryOptions({ studioId: studio.id }));
  const form = useForm<OrderFields>({
    resolver: zodResolver(orderFields) as never,
    defaultValues: { kind: "CUSTOMER", customerName: "", notes: "", lines: [{ variantId: "", quantity: 1, dueDate: inDays(14) }] },
  });
  const lines = useFieldArray({ control: form.control, name: "lines" });
  const create = useMutation(
    trpc.order.create.mutationOptions({ onSuccess: (order) => router.push(`/s/${studio.slug}/orders/${order.id}`) }),
  );
  if (variants.isPending) return <Spinner label="Loading designs…" />;
  if (variants.isError) return <Alert>{variants.error.message}</Alert>;
  if (variants.data.length === 0) return <EmptyState title="No designs to order yet">Describe a design in the catalog (or ask a studio to share theirs) first.</EmptyState>;
  const errors = form.formState.errors;

  return (
    <Card title="New order">
      <form className="space-y-5" onSubmit={form.handleSubmit((order) => create.mutate({ studioId: studio.id, order }))} noValidate>
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField label="Kind" {...form.register("kind")}>
            {ORDER_KINDS.map((k) => <option key={k} value={k}>{ORDER_KIND_LABELS[k]}</option>)}
          </SelectField>
          <TextField label="Customer" {...form.register("customerName")} error={errors.customerName?.message} />
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-stone-800">Lines</legend>
          {lines.fields.map((field, index) => (
            <div key={field.id} className="grid items-end gap-2 rounded-lg border border-stone-200 p-3 sm:grid-cols-[1fr_110px_160px_auto]">
              <SelectField label={`Design variant (line ${index + 1})`} {...form.register(`lines.${index}.variantId`)} error={errors.lines?.[index]?.variantId ? "Pick a design variant" : undefined}>
                <option value="">Choose…</option>
                {variants.data.map((v) => (
                  <option key={v.variantId} value={v.variantId}>{`${v.designName} — ${v.variantName} (${v.sku})${v.own ? "" : " · shared"}`}</option>
                ))}
              </SelectField>
              <TextField label="Quantity" type="number" min={1} {...form.register(`lines.${index}.quantity`, { valueAsNumber: true })} error={errors.lines?.[index]?.quantity?.message} />
              <TextField label="Due date" type="date" {...form.register(`lines.${index}.dueDate`)} error={errors.lines?.[index]?.dueDate?.message} />
              <Button type="button" variant="ghost" onClick={() => lines.remove(index)} disabled={lines.fields.length === 1}>Remove</Button>
            </div>
          ))}
          {errors.lines?.message && <p role="alert" className="text-sm text-red-600">{errors.lines.message}</p>}
          <Button type="button" variant="secondary" onClick={() => lines.append({ variantId: "", quantity: 1, dueDate: inDays(14) })}>Add line</Button>
        </fieldset>
        {create.isError && <Alert>{create.error.message}</Alert>}
        <Button type="submit" loading={create.isPending}>Save order</Button>
      </form>
    </Card>
  );
}
