"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";

/** Copy a shared design into one of the studio's own catalogs, to change it. */
export function ForkForm({ designId, sku }: { designId: string; sku: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const catalogs = useQuery(trpc.catalog.list.queryOptions({ studioId: studio.id }));
  const fork = useMutation(trpc.design.fork.mutationOptions());
  const own = catalogs.data?.filter((c) => c.own) ?? [];
  const [catalogId, setCatalogId] = useState("");
  const [newSku, setNewSku] = useState(`${sku}-FORK`);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const target = catalogId || own[0]?.id;
    if (!target) return setError("Create a catalog of your own first.");
    try {
      const created = await fork.mutateAsync({ studioId: studio.id, id: designId, catalogId: target, sku: newSku });
      await queryClient.invalidateQueries({ queryKey: trpc.design.pathKey() });
      router.push(`/s/${studio.slug}/catalog/designs/${created.id}`);
    } catch (cause) {
      setError((cause as Error).message);
    }
  };

  if (catalogs.isSuccess && own.length === 0) {
    return (
      <p className="rounded-lg bg-sky-50 p-3 text-sm text-sky-900">
        Use it as it is in your orders. To change it, add a catalog of your own, then fork the design into it.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2 rounded-lg bg-sky-50 p-3">
      <p className="w-full text-sm text-sky-900">Use it as it is in your orders, or fork it into your own catalog to change it.</p>
      <SelectField label="Into catalog" value={catalogId} onChange={(e) => setCatalogId(e.target.value)}>
        {own.map((c) => (
          <option key={c.id} value={c.id}>{c.name}</option>
        ))}
      </SelectField>
      <TextField label="New SKU" value={newSku} onChange={(e) => setNewSku(e.target.value)} />
      <Button type="submit" variant="secondary" loading={fork.isPending}>Fork design</Button>
      {error && <div className="w-full"><Alert>{error}</Alert></div>}
    </form>
  );
}
