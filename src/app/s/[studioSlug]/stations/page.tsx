import { StationsPage } from "~/features/catalog/components/stations-page";

export const metadata = { title: "Stations" };

export default function Page() {
  return <StationsPage />;
}
