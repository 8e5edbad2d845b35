import { StationsPage } from "~/features/stations/components/stations-page";

export const metadata = { title: "Stations" };

export default function Page() {
  return <StationsPage />;
}
