"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { Button } from "~/components/ui/button";
import { Alert, Card, EmptyState } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useUnsavedChangesWarning } from "~/components/ui/use-unsaved-changes";
import { useTRPC } from "~/trpc/react";
import { addDays, studioToday } from "~/server/time-zone";
import { editOrderFields, ORDER_KINDS, ORDER_KIND_LABELS, type EditOrderFields } from "../server/schemas";

/** What the edit page knows about an existing order: its version and, per line, the pieces already committed. */
export type ExistingOrder = { id: string; version: number; values: EditOrderFields; committed: Record<string, number> };

/** New order, or an open order's edit (same form; existing lines keep their id). */
export function OrderForm({ existing }: { existing?: ExistingOrder }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const router = useRouter();
  const queryClient = useQueryClient();
  const today = studioToday(studio.timeZone);
  const variants = useQuery(trpc.order.orderableVariants.queryOptions({ studioId: studio.id }));
  const form = useForm<EditOrderFields>({
    resolver: zodResolver(editOrderFields) as never,
    defaultValues: existing?.values ?? { kind: "CUSTOMER", customerName: "", notes: "", lines: [{ variantId: "", quantity: 1, dueDate: addDays(today, 14) }] },
  });
  const lines = useFieldArray({ control: form.control, name: "lines", keyName: "key" });
  const onSaved = async (id: string, replan?: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.order.pathKey() });
    router.push(`/s/${studio.slug}/orders/${id}${replan === "queued" ? "?replanned=1" : ""}`);
  };
  const create = useMutation(trpc.order.create.mutationOptions({ onSuccess: (order) => onSaved(order.id) }));
  const update = useMutation(trpc.order.update.mutationOptions({ onSuccess: (saved) => onSaved(saved.id, saved.replan) }));
  const saving = create.isPending || update.isPending || create.isSuccess || update.isSuccess;
  useUnsavedChangesWarning(form.formState.isDirty && !saving);
  const error = create.error ?? update.error;

  if (variants.isPending) return <Spinner label="Loading designs…" />;
  if (variants.isError) return <Alert>{variants.error.message}</Alert>;
  if (variants.data.length === 0) return <EmptyState title="No designs to order yet">Describe a design in the catalog (or ask a studio to share theirs) first.</EmptyState>;
  const errors = form.formState.errors;
  const variantLabel = (variantId: string) => {
    const v = variants.data.find((candidate) => candidate.variantId === variantId);
    return v ? `${v.designName} — ${v.variantName} (${v.sku})${v.own ? "" : " · shared"}` : "A design no longer in your catalog";
  };

  const onSubmit = form.handleSubmit((order) => {
    if (existing) update.mutate({ studioId: studio.id, id: existing.id, expectedVersion: existing.version, order });
    else create.mutate({ studioId: studio.id, order: { ...order, lines: order.lines.map(({ id: _id, ...line }) => line) } });
  });

  return (
    <Card title={existing ? "Edit order" : "New order"} description={existing ? "Saving updates the plan: the planner runs again with the changed lines." : undefined}>
      <form className="space-y-5" onSubmit={onSubmit} noValidate onChange={() => (create.error || update.error) && (create.reset(), update.reset())}>
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField label="Kind" {...form.register("kind")}>
            {ORDER_KINDS.map((k) => <option key={k} value={k}>{ORDER_KIND_LABELS[k]}</option>)}
          </SelectField>
          <TextField label="Customer" {...form.register("customerName")} error={errors.customerName?.message} />
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-stone-800">Lines</legend>
          {lines.fields.map((field, index) => {
            const committed = field.id ? (existing?.committed[field.id] ?? 0) : 0;
            return (
              <div key={field.key} className="grid items-end gap-2 rounded-lg border border-stone-200 p-3 sm:grid-cols-[1fr_110px_160px_auto]">
                {committed > 0 ? (
                  <div>
                    <input type="hidden" {...form.register(`lines.${index}.variantId`)} />
                    <TextField label={`Design variant (line ${index + 1})`} readOnly value={variantLabel(form.getValues(`lines.${index}.variantId`))} />
                  </div>
                ) : (
                  <SelectField
                    label={`Design variant (line ${index + 1})`}
                    {...form.register(`lines.${index}.variantId`)}
                    error={errors.lines?.[index]?.variantId ? "Pick a design variant" : undefined}
                  >
                    <option value="">Choose…</option>
                    {variants.data.map((v) => (
                      <option key={v.variantId} value={v.variantId}>{variantLabel(v.variantId)}</option>
                    ))}
                  </SelectField>
                )}
                <TextField label="Quantity" type="number" min={Math.max(1, committed)} {...form.register(`lines.${index}.quantity`, { valueAsNumber: true })} error={errors.lines?.[index]?.quantity?.message} />
                <TextField label="Due date" type="date" min={today} {...form.register(`lines.${index}.dueDate`)} error={errors.lines?.[index]?.dueDate?.message} />
                <Button type="button" variant="ghost" onClick={() => lines.remove(index)} disabled={lines.fields.length === 1 || committed > 0} aria-label={`Remove line ${index + 1}`}>
                  Remove
                </Button>
                {committed > 0 && (
                  <p className="text-xs text-stone-500 sm:col-span-4">{committed} pieces are already in started or locked batches: the variant stays and the quantity cannot go below {committed}.</p>
                )}
              </div>
            );
          })}
          {errors.lines?.message && <p role="alert" className="text-sm text-red-600">{errors.lines.message}</p>}
          <Button type="button" variant="secondary" onClick={() => lines.append({ variantId: "", quantity: 1, dueDate: addDays(today, 14) })}>Add line</Button>
        </fieldset>
        {error && <Alert>{error.message}</Alert>}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" loading={saving}>{existing ? "Save changes" : "Save order"}</Button>
          <Link href={existing ? `/s/${studio.slug}/orders/${existing.id}` : `/s/${studio.slug}/orders`} className="text-sm text-stone-600 hover:underline">Cancel</Link>
        </div>
      </form>
    </Card>
  );
}
