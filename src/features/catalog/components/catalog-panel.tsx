"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { SharePanel } from "./share-panel";

const newCatalog = z.object({ name: z.string().trim().min(1, { message: "Enter a name" }).max(120) });

export function CatalogPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const canEdit = useCan("catalog:edit");
  const canShare = useCan("catalog:share");
  const catalogs = useQuery(trpc.catalog.list.queryOptions({ studioId: studio.id }));
  const create = useMutation(trpc.catalog.create.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [sharing, setSharing] = useState<string | null>(null);
  const form = useForm<{ name: string }>({ resolver: zodResolver(newCatalog), defaultValues: { name: "" } });

  const onSubmit = form.handleSubmit(async ({ name }) => {
    setError(null);
    try {
      await create.mutateAsync({ studioId: studio.id, catalog: { name } });
      form.reset({ name: "" });
      await queryClient.invalidateQueries({ queryKey: trpc.catalog.list.queryKey({ studioId: studio.id }) });
    } catch (cause) {
      setError((cause as Error).message);
    }
  });

  return (
    <Card title="Catalogs" description="Your catalogs, and catalogs other studios share with you (read-only).">
      {catalogs.isPending ? (
        <Spinner label="Loading catalogs…" />
      ) : catalogs.isError ? (
        <Alert>{catalogs.error.message}</Alert>
      ) : catalogs.data.length === 0 ? (
        <p className="text-sm text-stone-600">No catalogs yet.</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {catalogs.data.map((catalog) => (
            <li key={catalog.id} className="py-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div>
                  <span className="font-medium">{catalog.name}</span>{" "}
                  <span className="text-sm text-stone-500">· {catalog.designCount} {catalog.designCount === 1 ? "design" : "designs"}</span>
                  {catalog.sharedBy && <span className="ml-2 rounded bg-sky-50 px-1.5 py-0.5 text-xs text-sky-800">Shared by {catalog.sharedBy}</span>}
                  {catalog.own && catalog.activeShareCount > 0 && <span className="ml-2 text-xs text-stone-500">shared with {catalog.activeShareCount}</span>}
                </div>
                {catalog.own && canShare && (
                  <Button type="button" variant="secondary" onClick={() => setSharing(sharing === catalog.id ? null : catalog.id)} aria-expanded={sharing === catalog.id}>
                    Share {catalog.name}
                  </Button>
                )}
              </div>
              {sharing === catalog.id && <SharePanel catalogId={catalog.id} />}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-wrap items-end gap-2">
          <div className="min-w-48 flex-1">
            <TextField label="New catalog name" {...form.register("name")} error={form.formState.errors.name?.message} />
          </div>
          <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>Add catalog</Button>
        </form>
      )}
      {error && <div className="mt-3"><Alert>{error}</Alert></div>}
    </Card>
  );
}
