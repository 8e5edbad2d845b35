import Link from "next/link";
import type { BillingBannerData } from "../server/banner";

const TONES: Record<BillingBannerData["tone"], string> = {
  info: "border-sky-200 bg-sky-50 text-sky-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  danger: "border-red-300 bg-red-50 text-red-900",
};

/** Trial / past-due / read-only notice under the studio header. Owners get a link to billing. */
export function BillingBanner({ banner, billingHref }: { banner: BillingBannerData; billingHref: string | null }) {
  return (
    <div role={banner.tone === "info" ? "status" : "alert"} className={`border-b ${TONES[banner.tone]}`} data-testid="billing-banner">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
        <span>{banner.text}</span>
        {billingHref ? (
          <Link href={billingHref} className="font-medium underline underline-offset-2">
            {banner.tone === "info" ? "Choose a plan" : "Go to billing"}
          </Link>
        ) : (
          banner.tone !== "info" && <span className="text-xs opacity-80">Ask the studio owner to check billing.</span>
        )}
      </div>
    </div>
  );
}
