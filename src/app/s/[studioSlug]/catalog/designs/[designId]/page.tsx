import { DesignDetail } from "~/features/catalog/components/design-detail";

export const metadata = { title: "Design" };

export default async function DesignPage({ params }: { params: Promise<{ designId: string }> }) {
  const { designId } = await params;
  return <DesignDetail designId={designId} />;
}
