"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { STATION_KIND_LABELS, UNIT_LABELS } from "~/lib/units";

const NEW = "new";

/**
 * Copy a shared design into one of the studio's own catalogs, to change it. Its steps go to this studio's own
 * stations (same kind; asked when that is not clear) and its materials to this studio's own.
 */
export function ForkForm({ designId, sku }: { designId: string; sku: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const catalogs = useQuery(trpc.catalog.list.queryOptions({ studioId: studio.id }));
  const plan = useQuery(trpc.catalog.designs.forkPlan.queryOptions({ studioId: studio.id, id: designId }));
  const fork = useMutation(trpc.catalog.designs.fork.mutationOptions());
  const own = catalogs.data?.filter((c) => c.own) ?? [];
  const [catalogId, setCatalogId] = useState("");
  const [newSku, setNewSku] = useState(`${sku}-FORK`);
  const [stations, setStations] = useState<Record<string, string>>({});
  const [materials, setMaterials] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  if (plan.isPending || catalogs.isPending) return <Spinner label="Matching stations and materials…" />;
  if (plan.isError) return <Alert>{plan.error.message}</Alert>;
  const stationChoice = (key: string, suggested: string | null) => stations[key] ?? suggested ?? "";
  const materialChoice = (key: string, suggested: string | null) => materials[key] ?? suggested ?? "";

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const target = catalogId || own[0]?.id;
    if (!target) return setError("Create a catalog of your own first.");
    const open = [...plan.data.stations.filter((s) => !stationChoice(s.key, s.suggested)).map((s) => s.name), ...plan.data.materials.filter((m) => !materialChoice(m.key, m.suggested)).map((m) => m.name)];
    if (open.length) return setError(`Choose what to use for ${open.map((name) => `"${name}"`).join(", ")}.`);
    try {
      const created = await fork.mutateAsync({
        studioId: studio.id, id: designId, catalogId: target, sku: newSku,
        stations: Object.fromEntries(plan.data.stations.map((s) => [s.key, stationChoice(s.key, s.suggested)])),
        materials: Object.fromEntries(plan.data.materials.map((m) => [m.key, materialChoice(m.key, m.suggested)])),
      });
      await queryClient.invalidateQueries({ queryKey: trpc.catalog.designs.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.stations.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.materials.pathKey() });
      router.push(`/s/${studio.slug}/catalog/designs/${created.id}`);
    } catch (cause) {
      setError((cause as Error).message);
    }
  };

  if (catalogs.isSuccess && own.length === 0) {
    return <p className="rounded-lg bg-sky-50 p-3 text-sm text-sky-900">Use it as it is in your orders. To change it, add a catalog of your own, then fork the design into it.</p>;
  }
  return (
    <form onSubmit={onSubmit} onChange={() => error && setError(null)} noValidate className="space-y-4 rounded-lg bg-sky-50 p-3" aria-label="Fork this design">
      <p className="text-sm text-sky-900">Use it as it is in your orders, or fork it into your own catalog to change it. The copy works at your stations with your materials:</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {plan.data.stations.map((s) => (
          <SelectField
            key={s.key}
            label={`${s.steps.join(", ")} (${s.kindLabel.toLowerCase()})`}
            value={stationChoice(s.key, s.suggested)}
            onChange={(e) => setStations({ ...stations, [s.key]: e.target.value })}
            error={stationChoice(s.key, s.suggested) ? undefined : `Which of your stations? (${s.reason})`}
          >
            <option value="">Choose a station…</option>
            {s.candidates.map((c) => (
              <option key={c.id} value={c.id}>{c.name}{c.kind !== s.kind ? ` (${STATION_KIND_LABELS[c.kind].toLowerCase()})` : ""}</option>
            ))}
            <option value={NEW}>New station “{s.name}”</option>
          </SelectField>
        ))}
        {plan.data.materials.map((m) => (
          <SelectField
            key={m.key}
            label={`Material: ${m.name} (${UNIT_LABELS[m.unit]})`}
            value={materialChoice(m.key, m.suggested)}
            onChange={(e) => setMaterials({ ...materials, [m.key]: e.target.value })}
            error={materialChoice(m.key, m.suggested) ? undefined : "Which of your materials?"}
          >
            <option value="">Choose a material…</option>
            {m.candidates.map((c) => (
              <option key={c.id} value={c.id}>{c.name} ({UNIT_LABELS[c.unit]})</option>
            ))}
            <option value={NEW}>New material “{m.name}”</option>
          </SelectField>
        ))}
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <SelectField label="Into catalog" value={catalogId} onChange={(e) => setCatalogId(e.target.value)}>
          {own.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </SelectField>
        <TextField label="New SKU" value={newSku} onChange={(e) => setNewSku(e.target.value)} />
        <Button type="submit" variant="secondary" loading={fork.isPending}>Fork design</Button>
      </div>
      {error && <Alert>{error}</Alert>}
    </form>
  );
}
