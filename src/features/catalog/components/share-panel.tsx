"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";

/** Owner only: share a catalog read-only with another studio, see and revoke its shares. */
export function SharePanel({ catalogId }: { catalogId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const shares = useQuery(trpc.catalog.shares.queryOptions({ studioId: studio.id, catalogId }));
  const share = useMutation(trpc.catalog.share.mutationOptions());
  const revoke = useMutation(trpc.catalog.revokeShare.mutationOptions());
  const [target, setTarget] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
  const onShare = async (event: React.FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (target.trim().length < 3) return setMessage({ tone: "error", text: "Enter a studio address or an owner's email" });
    try {
      await share.mutateAsync({ studioId: studio.id, catalogId, target });
      setTarget("");
      setMessage({
        tone: "success",
        text: target.includes("@")
          ? "Shared. If that address owns a studio, the studio now sees this catalog, read-only."
          : "Shared. The studio now sees this catalog, read-only.",
      });
      await refresh();
    } catch (cause) {
      setMessage({ tone: "error", text: (cause as Error).message });
    }
  };

  return (
    <div className="mt-3 space-y-3 rounded-lg bg-stone-50 p-3">
      <form onSubmit={onShare} noValidate className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <TextField label="Studio address or owner email" value={target} onChange={(e) => setTarget(e.target.value)} hint="They can use your designs as they are, or fork them; they can never edit yours." />
        </div>
        <Button type="submit" loading={share.isPending}>Share read-only</Button>
      </form>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {shares.data && shares.data.length > 0 && (
        <ul className="space-y-1 text-sm">
          {shares.data.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                {s.targetLabel} {s.revokedAt ? <span className="text-stone-500">(revoked)</span> : <span className="text-emerald-700">(active)</span>}
              </span>
              {!s.revokedAt && (
                <Button type="button" variant="ghost" onClick={async () => { await revoke.mutateAsync({ studioId: studio.id, shareId: s.id }); await refresh(); }}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
