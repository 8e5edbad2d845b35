"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { buttonClasses } from "~/components/ui/button";
import { Alert, EmptyState } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio, useStudioFormat } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { formatCents } from "~/lib/units";
import { DataTable, Td } from "~/components/ui/table";

type Scope = "all" | "own" | "shared";

export function DesignList() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const canEdit = useCan("catalog:edit");
  const format = useStudioFormat();
  const [search, setSearch] = useState("");
  const [catalogId, setCatalogId] = useState("");
  const [scope, setScope] = useState<Scope>("all");
  const catalogs = useQuery(trpc.catalog.list.queryOptions({ studioId: studio.id }));
  const designs = useQuery(
    trpc.catalog.designs.list.queryOptions({ studioId: studio.id, search: search.trim() || undefined, catalogId: catalogId || undefined, scope }),
  );
  const base = `/s/${studio.slug}`;

  return (
    <section className="space-y-4" aria-labelledby="designs-heading">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="designs-heading" className="text-xl font-semibold">Designs</h2>
        {canEdit && <Link href={`${base}/catalog/designs/new`} className={buttonClasses("primary")}>New design</Link>}
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Search" placeholder="Name or SKU" value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField label="Catalog" value={catalogId} onChange={(e) => setCatalogId(e.target.value)}>
          <option value="">All catalogs</option>
          {catalogs.data?.map((c) => (
            <option key={c.id} value={c.id}>{c.name}{c.sharedBy ? ` (shared by ${c.sharedBy})` : ""}</option>
          ))}
        </SelectField>
        <SelectField label="Show" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
          <option value="all">Mine and shared with me</option>
          <option value="own">Mine only</option>
          <option value="shared">Shared with me</option>
        </SelectField>
      </div>
      {designs.isPending ? (
        <Spinner label="Loading designs…" />
      ) : designs.isError ? (
        <Alert>{designs.error.message}</Alert>
      ) : designs.data.length === 0 ? (
        <EmptyState title={search || catalogId || scope !== "all" ? "No designs match" : "No designs yet"}>
          {canEdit ? "Add stations and materials, then describe a design's variants and routing." : "Owners and admins add designs here."}
        </EmptyState>
      ) : (
        <DataTable caption="Designs" headers={["Design", "SKU", "Variants", "Steps", "Standard cost", "Version"]}>
          {designs.data.map((d) => (
            <tr key={d.id}>
              <Td>
                <Link href={`${base}/catalog/designs/${d.id}`} className="font-medium text-brand-700 hover:underline">{d.name}</Link>
                {d.sharedBy && <span className="ml-2 rounded bg-sky-50 px-1.5 py-0.5 text-xs text-sky-800">Shared by {d.sharedBy}</span>}
              </Td>
              <Td className="font-mono text-xs">{d.sku}</Td>
              <Td>{d.variantCount}</Td>
              <Td>{d.stepCount}</Td>
              <Td className="whitespace-nowrap">
                {d.minCostCents === null ? "—" : d.minCostCents === d.maxCostCents ? formatCents(d.minCostCents, format) : `${formatCents(d.minCostCents, format)} – ${formatCents(d.maxCostCents!, format)}`}
              </Td>
              <Td>v{d.version}</Td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
