import { CatalogPanel } from "~/features/catalog/components/catalog-panel";
import { CostingForm } from "~/features/catalog/components/costing-form";
import { DesignList } from "~/features/catalog/components/design-list";
import { IncomingShares } from "~/features/catalog/components/incoming-shares";

export const metadata = { title: "Catalog" };

export default function CatalogPage() {
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <DesignList />
      <div className="space-y-6">
        <IncomingShares />
        <CatalogPanel />
        <CostingForm />
      </div>
    </div>
  );
}
