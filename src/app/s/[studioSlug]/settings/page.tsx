import { HolidaysCard } from "~/features/studios/components/holidays-card";
import { StudioSettingsForm } from "~/features/studios/components/studio-settings-form";

export const metadata = { title: "Settings" };

export default function StudioSettingsPage() {
  return (
    <div className="max-w-2xl space-y-6">
      <StudioSettingsForm />
      <HolidaysCard />
    </div>
  );
}
