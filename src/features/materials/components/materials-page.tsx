"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert, EmptyState } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio, useStudioFormat } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import { CATEGORY_LABELS, displayUnit, formatCents, formatGauge, formatQuantity, toMilli, UNIT_LABELS } from "~/lib/units";
import { MaterialForm, type EditableMaterial } from "./material-form";
import { DataTable, Td } from "~/components/ui/table";

function MovementForm({ materialId, unit }: { materialId: string; unit: keyof typeof UNIT_LABELS }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const record = useMutation(trpc.materials.recordMovement.mutationOptions());
  const [kind, setKind] = useState<"RECEIVE" | "ADJUST" | "CONSUME">("RECEIVE");
  const [quantity, setQuantity] = useState("");
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const value = Number(quantity);
    if (!quantity || !Number.isFinite(value) || value === 0) return setError("Enter a quantity other than zero");
    try {
      await record.mutateAsync({ studioId: studio.id, materialId, kind, quantityMilli: toMilli(value), note: "" });
      setQuantity("");
      await queryClient.invalidateQueries({ queryKey: trpc.materials.pathKey() });
    } catch (cause) {
      setError((cause as Error).message);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      <SelectField label="Movement" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
        <option value="RECEIVE">Receive</option>
        <option value="CONSUME">Consume</option>
        <option value="ADJUST">Adjust (±)</option>
      </SelectField>
      <TextField label={`Quantity (${UNIT_LABELS[unit]})`} type="number" step="0.001" value={quantity} onChange={(e) => setQuantity(e.target.value)} error={error ?? undefined} />
      <Button type="submit" variant="secondary" loading={record.isPending}>Record</Button>
    </form>
  );
}

export function MaterialsPage() {
  const clock = useStudioTime();
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const canEdit = useCan("catalog:edit");
  const [search, setSearch] = useState("");
  const [lowStockOnly, setLowStockOnly] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<EditableMaterial | null>(null);
  const format = useStudioFormat();
  const materials = useQuery(trpc.materials.list.queryOptions({ studioId: studio.id, search: search.trim() || undefined, lowStockOnly }));
  const detail = useQuery({ ...trpc.materials.get.queryOptions({ studioId: studio.id, id: open ?? "" }), enabled: open !== null });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Materials</h1>
      <div className="flex flex-wrap items-end gap-4">
        <div className="min-w-56 flex-1"><TextField label="Search" placeholder="Name or alloy" value={search} onChange={(e) => setSearch(e.target.value)} /></div>
        <label className="flex items-center gap-2 pb-2 text-sm"><input type="checkbox" className="size-4" checked={lowStockOnly} onChange={(e) => setLowStockOnly(e.target.checked)} /> Low stock only</label>
      </div>
      {materials.isPending ? (
        <Spinner label="Loading materials…" />
      ) : materials.isError ? (
        <Alert>{materials.error.message}</Alert>
      ) : materials.data.length === 0 ? (
        <EmptyState title={search || lowStockOnly ? "No materials match" : "No materials yet"}>Metal sheet and wire, findings, chain and stones.</EmptyState>
      ) : (
        <DataTable caption="Materials" headers={["Material", "Category", "On hand", "Reorder at", "Unit cost", ""]}>
          {materials.data.map((m) => (
            <tr key={m.id}>
              <Td className="font-medium">
                {m.name}
                {(m.alloy || m.gauge) && <span className="block text-xs text-stone-500">{[m.alloy, m.gauge && formatGauge(m.gauge)].filter(Boolean).join(" · ")}</span>}
              </Td>
              <Td>{CATEGORY_LABELS[m.category]}</Td>
              <Td className="whitespace-nowrap">
                {formatQuantity(m.onHandMilli, m.unit, format)}
                {m.lowStock && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">Low</span>}
              </Td>
              <Td className="whitespace-nowrap">{formatQuantity(m.reorderPointMilli, m.unit, format)}</Td>
              <Td className="whitespace-nowrap">
                {formatCents(m.unitCostCents, format)} / {UNIT_LABELS[m.unit]}
                {displayUnit(m.unit, format.unitSystem) !== m.unit && <span className="block text-xs text-stone-500">stocked in {UNIT_LABELS[m.unit]}</span>}
              </Td>
              <Td>
                <div className="flex gap-1">
                  {canEdit && (
                    <Button type="button" variant="ghost" aria-label={`Edit ${m.name}`} onClick={() => { setEditing(m); document.getElementById("material-form")?.scrollIntoView({ behavior: "smooth" }); }}>
                      Edit
                    </Button>
                  )}
                  <Button type="button" variant="ghost" onClick={() => setOpen(open === m.id ? null : m.id)} aria-expanded={open === m.id}>Ledger</Button>
                </div>
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      {open && (
        <section aria-label="Stock ledger" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
          {detail.isPending ? <Spinner label="Loading ledger…" /> : detail.isError ? <Alert>{detail.error.message}</Alert> : (
            <>
              <h2 className="font-semibold">{detail.data.name}: stock ledger</h2>
              {canEdit && <MovementForm materialId={detail.data.id} unit={detail.data.unit} />}
              <ul className="divide-y divide-stone-100 text-sm">
                {detail.data.movements.map((mv) => (
                  <li key={mv.id} className="flex flex-wrap justify-between gap-2 py-1">
                    <span>{clock.dateTime(mv.createdAt)} · {mv.kind.toLowerCase()} {mv.note && `· ${mv.note}`}</span>
                    <span>{mv.quantityMilli > 0 ? "+" : ""}{formatQuantity(mv.quantityMilli, detail.data.unit, format)} → {formatQuantity(mv.balanceAfterMilli, detail.data.unit, format)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {canEdit && (
        <div id="material-form">
          <MaterialForm key={editing ? `${editing.id}:${editing.version}` : "new"} editing={editing} onDone={() => setEditing(null)} />
        </div>
      )}
    </div>
  );
}
