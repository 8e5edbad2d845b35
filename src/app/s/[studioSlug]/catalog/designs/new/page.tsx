import { DesignForm } from "~/features/catalog/components/design-form";

export const metadata = { title: "New design" };

export default function NewDesignPage() {
  return <DesignForm />;
}
