import { OrdersList } from "~/features/orders/components/orders-list";
import { requireStudioMembership } from "~/server/auth-guards";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata = { title: "Orders" };

export default async function OrdersPage({ params }: { params: Promise<{ studioSlug: string }> }) {
  const { studio } = await requireStudioMembership((await params).studioSlug);
  // The list as it opens (no filter), then the progress and flags of the orders it shows.
  const list = trpc.order.list.queryOptions({ studioId: studio.id });
  await prefetch(list);
  const ids = getQueryClient().getQueryData(list.queryKey)?.map((order) => order.id) ?? [];
  if (ids.length > 0) await prefetch(trpc.order.outlook.queryOptions({ studioId: studio.id, ids }));
  return (
    <HydrateClient>
      <OrdersList />
    </HydrateClient>
  );
}
