"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import { ORDER_KINDS, ORDER_KIND_LABELS } from "../server/schemas";

export function OrderImport() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const clock = useStudioTime();
  const [csv, setCsv] = useState("");
  const [dueDate, setDueDate] = useState(() => clock.today(14));
  const [kind, setKind] = useState<(typeof ORDER_KINDS)[number]>("CUSTOMER");
  const preview = useMutation(trpc.order.importPreview.mutationOptions());
  const commit = useMutation(trpc.order.importCommit.mutationOptions());
  const input = { studioId: studio.id, csv, dueDate, kind };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Import orders</h1>
      <Card title="Etsy or Shopify export" description="Etsy: Shop Manager → Settings → Options → Download Data → Order Items. Shopify: Orders → Export. SKUs must match a variant's SKU (see each design's variants) or a single-variant design's SKU.">
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="space-y-1">
            <label htmlFor="csv-file" className="block text-sm font-medium text-stone-700">CSV file</label>
            <input id="csv-file" type="file" accept=".csv,text/csv" className="block w-full text-sm"
              onChange={async (e) => { const file = e.target.files?.[0]; setCsv(file ? await file.text() : ""); preview.reset(); commit.reset(); }} />
          </div>
          <TextField label="Due date for imported lines" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          <SelectField label="Order kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {ORDER_KINDS.map((k) => <option key={k} value={k}>{ORDER_KIND_LABELS[k]}</option>)}
          </SelectField>
        </div>
        <div className="mt-4 flex gap-2">
          <Button variant="secondary" disabled={!csv} loading={preview.isPending} onClick={() => preview.mutate(input)}>Preview</Button>
          <Button disabled={!preview.data || preview.data.errorCount > 0 || commit.isSuccess} loading={commit.isPending} onClick={() => commit.mutate(input)}>
            Import {preview.data ? `${preview.data.newOrderCount} orders` : ""}
          </Button>
        </div>
      </Card>
      {preview.isError && <Alert>{preview.error.message}</Alert>}
      {commit.isError && <Alert>{commit.error.message}</Alert>}
      {commit.data && (
        <Alert tone="success">
          Imported {commit.data.created} orders{commit.data.skipped ? `, skipped ${commit.data.skipped} already imported` : ""}.{" "}
          <Link className="font-medium underline" href={`/s/${studio.slug}/orders`}>See orders</Link>
        </Alert>
      )}
      {preview.data && (
        <Card title={`${preview.data.format === "ETSY" ? "Etsy" : "Shopify"} export: ${preview.data.rows.length} rows, ${preview.data.orderCount} orders`}
          description={preview.data.errorCount ? `${preview.data.errorCount} rows need fixing: nothing will be imported until every row is valid.` : "Every row matches a design variant."}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-stone-600"><tr><th className="px-2 py-1">Row</th><th className="px-2 py-1">Order</th><th className="px-2 py-1">Customer</th><th className="px-2 py-1">SKU</th><th className="px-2 py-1">Qty</th><th className="px-2 py-1">Match</th></tr></thead>
              <tbody>
                {preview.data.rows.map((row) => (
                  <tr key={row.row} className={row.error ? "bg-red-50" : row.duplicate ? "text-stone-400" : ""}>
                    <td className="px-2 py-1">{row.row}</td><td className="px-2 py-1">{row.orderRef}</td><td className="px-2 py-1">{row.customerName}</td>
                    <td className="px-2 py-1">{row.sku}</td><td className="px-2 py-1">{row.quantity ?? "?"}</td>
                    <td className="px-2 py-1">{row.error ? <span className="text-red-700">{row.error}</span> : row.duplicate ? "already imported" : row.match}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </div>
  );
}
