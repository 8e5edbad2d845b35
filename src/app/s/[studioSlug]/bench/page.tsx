import { BenchPage } from "~/features/bench/components/bench-page";
import { requireStudioMembership } from "~/server/auth-guards";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata = { title: "My bench" };

export default async function StudioBenchPage({ params }: { params: Promise<{ studioSlug: string }> }) {
  const { studio } = await requireStudioMembership((await params).studioSlug);
  await prefetch(trpc.bench.queue.queryOptions({ studioId: studio.id }));
  return (
    <HydrateClient>
      <BenchPage />
    </HydrateClient>
  );
}
