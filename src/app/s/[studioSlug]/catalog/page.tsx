import { CatalogPanel } from "~/features/catalog/components/catalog-panel";
import { DesignList } from "~/features/catalog/components/design-list";

export const metadata = { title: "Catalog" };

export default function CatalogPage() {
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <DesignList />
      <CatalogPanel />
    </div>
  );
}
