import { CatalogCsvPage } from "~/features/catalog/components/catalog-csv-page";

export const metadata = { title: "Import / export catalog" };

export default function CatalogImportPage() {
  return <CatalogCsvPage />;
}
