import { DesignEdit } from "~/features/catalog/components/design-edit";

export const metadata = { title: "Edit design" };

export default async function EditDesignPage({ params }: { params: Promise<{ designId: string }> }) {
  const { designId } = await params;
  return <DesignEdit designId={designId} />;
}
