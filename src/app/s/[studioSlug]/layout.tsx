import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "~/components/layout/sign-out-button";
import { VerifyEmailBanner } from "~/features/account/components/verify-email-banner";
import { BillingBanner } from "~/features/billing/components/billing-banner";
import { billingBanner } from "~/features/billing/server/banner";
import { StudioProvider } from "~/features/studios/components/studio-context";
import { StudioSwitcher } from "~/features/studios/components/studio-switcher";
import { requireStudioMembership } from "~/server/auth-guards";
import { can } from "~/server/authz/permissions";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

const NAV_LINK = "rounded-lg px-3 py-2 font-medium text-stone-700 hover:bg-stone-100";

export default async function StudioLayout({ children, params }: { children: ReactNode; params: Promise<{ studioSlug: string }> }) {
  const { studioSlug } = await params;
  const { studio, role, session } = await requireStudioMembership(studioSlug);
  const base = `/s/${studio.slug}`;
  const canManageBilling = can(role, "billing:manage");
  // The studio switcher's list comes with the page (no request once it loads).
  const [banner] = await Promise.all([billingBanner(studio.id), prefetch(trpc.studio.listMine.queryOptions())]);
  return (
    <StudioProvider
      studio={{ id: studio.id, name: studio.name, slug: studio.slug, timeZone: studio.timeZone, role, format: { currency: studio.currency, locale: studio.locale, unitSystem: studio.unitSystem } }}
    >
      <div className="min-h-screen">
        <header className="border-b border-stone-200 bg-white print:hidden">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="flex items-center gap-4">
              <Link href={base} className="text-lg font-semibold tracking-tight text-brand-900">
                Benchflow
              </Link>
              <HydrateClient>
                <StudioSwitcher />
              </HydrateClient>
            </div>
            <nav className="-mx-2 flex max-w-full flex-wrap items-center gap-x-0.5 gap-y-0 text-sm sm:mx-0 sm:gap-1" aria-label="Studio">
              <Link href={base} className={NAV_LINK}>
                Home
              </Link>
              <Link href={`${base}/catalog`} className={NAV_LINK}>
                Catalog
              </Link>
              <Link href={`${base}/orders`} className={NAV_LINK}>
                Orders
              </Link>
              <Link href={`${base}/plan`} className={NAV_LINK}>
                Plan
              </Link>
              <Link href={`${base}/bench`} className={NAV_LINK}>
                Bench
              </Link>
              {can(role, "dashboard:read") && (
                <Link href={`${base}/dashboard`} className={NAV_LINK}>
                  Dashboard
                </Link>
              )}
              <Link href={`${base}/team`} className={NAV_LINK}>
                Team
              </Link>
              <Link href={`${base}/settings`} className={NAV_LINK}>
                Settings
              </Link>
              {canManageBilling && (
                <Link href={`${base}/billing`} className={NAV_LINK}>
                  Billing
                </Link>
              )}
              <Link href="/account" className="hidden rounded-lg px-2 py-2 text-stone-500 hover:bg-stone-100 sm:inline" title="Your account">
                {session.email}
              </Link>
              <SignOutButton />
            </nav>
          </div>
        </header>
        <div className="print:hidden">
          {banner && <BillingBanner banner={banner} billingHref={canManageBilling ? `${base}/billing` : null} />}
          <VerifyEmailBanner userId={session.userId} />
        </div>
        <main className="mx-auto max-w-6xl px-4 py-8 print:max-w-none print:p-0">{children}</main>
      </div>
    </StudioProvider>
  );
}
