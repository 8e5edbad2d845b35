import type { ReactNode } from "react";
import { CatalogTabs } from "~/features/catalog/components/catalog-tabs";

export default function CatalogLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <CatalogTabs />
      {children}
    </>
  );
}
