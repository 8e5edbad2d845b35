import { MaterialsPage } from "~/features/catalog/components/materials-page";

export const metadata = { title: "Materials" };

export default function Page() {
  return <MaterialsPage />;
}
