"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ROLE_LABELS } from "~/server/authz/permissions";
import { useTRPC } from "~/trpc/react";
import { useCurrentStudio } from "./studio-context";

export function StudioSwitcher() {
  const trpc = useTRPC();
  const router = useRouter();
  const current = useCurrentStudio();
  const studios = useQuery(trpc.studio.listMine.queryOptions());

  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Switch studio</span>
      <select
        aria-label="Switch studio"
        className="max-w-[14rem] truncate rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm font-medium"
        value={current.slug}
        onChange={(event) => {
          if (event.target.value === "__new") router.push("/studios/new");
          else router.push(`/s/${event.target.value}`);
        }}
      >
        {(studios.data ?? [{ ...current }]).map((studio) => (
          <option key={studio.id} value={studio.slug}>
            {studio.name} · {ROLE_LABELS[studio.role]}
          </option>
        ))}
        <option value="__new">+ New studio…</option>
      </select>
    </label>
  );
}
