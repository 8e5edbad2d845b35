"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useUnsavedChangesWarning } from "~/components/ui/use-unsaved-changes";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { designValues, emptyStep, toApiDesign, type DesignValues } from "./design-form-schema";
import { StepsEditor } from "./design-form-steps";
import { VariantsEditor } from "./design-form-variants";

type Existing = { id: string; version: number; values: DesignValues };

export function DesignForm({ existing }: { existing?: Existing }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const stations = useQuery(trpc.stations.list.queryOptions({ studioId: studio.id }));
  const materials = useQuery(trpc.materials.list.queryOptions({ studioId: studio.id }));
  const catalogs = useQuery(trpc.catalog.list.queryOptions({ studioId: studio.id }));
  const create = useMutation(trpc.catalog.designs.create.mutationOptions());
  const update = useMutation(trpc.catalog.designs.update.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<DesignValues>({
    resolver: zodResolver(designValues),
    defaultValues: existing?.values ?? {
      name: "",
      sku: "",
      description: "",
      photoUrl: "",
      catalogIds: [],
      steps: [{ ...emptyStep }],
      variants: [{ name: "Standard", sku: "", overrides: [], bom: [] }],
    },
  });

  useUnsavedChangesWarning(form.formState.isDirty && !saved);
  // A new design goes into the studio's catalog when it has just one (every studio starts with one).
  const onlyCatalog = catalogs.data?.filter((c) => c.own).length === 1 ? catalogs.data.find((c) => c.own)!.id : null;
  useEffect(() => {
    if (!existing && onlyCatalog && form.getValues("catalogIds").length === 0) form.setValue("catalogIds", [onlyCatalog]);
  }, [existing, onlyCatalog, form]);

  if (stations.isPending || materials.isPending || catalogs.isPending) return <Spinner label="Loading…" />;
  if (stations.isError || materials.isError || catalogs.isError) return <Alert>Could not load stations, materials or catalogs. Reload to try again.</Alert>;
  const ownCatalogs = catalogs.data.filter((c) => c.own);
  const base = `/s/${studio.slug}`;
  if (stations.data.length === 0 || ownCatalogs.length === 0) {
    return (
      <Alert tone="info">
        A design needs at least one <Link className="underline" href={`${base}/stations`}>station</Link> and one catalog of your own
        {ownCatalogs.length === 0 && <> (<Link className="underline" href={`${base}/catalog`}>create one</Link>)</>}.
      </Alert>
    );
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const design = toApiDesign(values);
      const result = existing
        ? await update.mutateAsync({ studioId: studio.id, id: existing.id, expectedVersion: existing.version, design })
        : await create.mutateAsync({ studioId: studio.id, design });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: trpc.catalog.designs.pathKey() });
      router.push(`${base}/catalog/designs/${result.id}`);
    } catch (cause) {
      setError((cause as Error).message);
    }
  });

  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {error && <Alert>{error}</Alert>}
      <Card title={existing ? `Edit design (saving publishes version ${existing.version + 1})` : "New design"}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Design name" {...form.register("name")} error={errors.name?.message} />
          <TextField label="SKU" {...form.register("sku")} error={errors.sku?.message} />
          <TextField label="Photo URL" placeholder="https://…" {...form.register("photoUrl")} error={errors.photoUrl?.message} />
          <fieldset>
            <legend className="block text-sm font-medium text-stone-700">Catalogs</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {ownCatalogs.map((catalog) => (
                <label key={catalog.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" value={catalog.id} className="size-4" {...form.register("catalogIds")} /> {catalog.name}
                </label>
              ))}
            </div>
            {errors.catalogIds?.message && <p role="alert" className="text-sm text-red-600">{errors.catalogIds.message}</p>}
          </fieldset>
          <div className="space-y-1 sm:col-span-2">
            <label htmlFor="design-description" className="block text-sm font-medium text-stone-700">Description</label>
            <textarea id="design-description" rows={3} className="block w-full rounded-lg border border-stone-300 px-3 py-2 text-base sm:text-sm" {...form.register("description")} />
          </div>
        </div>
      </Card>
      <Card>
        <StepsEditor form={form} stations={stations.data} />
      </Card>
      <Card>
        <VariantsEditor form={form} materials={materials.data} />
      </Card>
      <div className="flex gap-3">
        <Button type="submit" loading={form.formState.isSubmitting}>{existing ? "Save new version" : "Create design"}</Button>
        <Link href={existing ? `${base}/catalog/designs/${existing.id}` : `${base}/catalog`} className="self-center text-sm text-stone-600 hover:underline">Cancel</Link>
      </div>
    </form>
  );
}
