import { StudioDashboard } from "~/features/dashboard/components/studio-dashboard";

export const metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return <StudioDashboard />;
}
