import Link from "next/link";
import { SignOutButton } from "~/components/layout/sign-out-button";
import { AccountForms } from "~/features/account/components/account-forms";
import { requireSession } from "~/server/auth-guards";

export const metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  await requireSession("/account");
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <header className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <div>
          <Link href="/studios?all=1" className="text-sm font-medium text-brand-700 hover:underline">
            ← Your studios
          </Link>
          <h1 className="mt-1 text-2xl font-semibold">Your account</h1>
        </div>
        <SignOutButton />
      </header>
      <AccountForms />
    </main>
  );
}
