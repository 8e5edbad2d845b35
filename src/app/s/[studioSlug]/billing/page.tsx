import { Suspense } from "react";
import { Spinner } from "~/components/ui/spinner";
import { BillingPage } from "~/features/billing/components/billing-page";

export const metadata = { title: "Billing" };

export default function StudioBillingPage() {
  return (
    <Suspense fallback={<Spinner label="Loading billing…" />}>
      <BillingPage />
    </Suspense>
  );
}
