import { MaterialsPage } from "~/features/materials/components/materials-page";

export const metadata = { title: "Materials" };

export default function Page() {
  return <MaterialsPage />;
}
