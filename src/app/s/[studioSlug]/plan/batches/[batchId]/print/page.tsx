import { BatchSheet } from "~/features/planning/components/batch-sheet";

export const metadata = { title: "Batch sheet" };

export default async function BatchSheetPage({ params }: { params: Promise<{ batchId: string }> }) {
  const { batchId } = await params;
  return <BatchSheet batchId={batchId} />;
}
