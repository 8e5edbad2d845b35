import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "~/components/layout/sign-out-button";
import { buttonClasses } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/card";
import { listMyStudios } from "~/server/authz/membership";
import { ROLE_LABELS } from "~/server/authz/permissions";
import { requireSession } from "~/server/auth-guards";
import { systemDb } from "~/server/db";

export const metadata = { title: "Your studios" };
export const dynamic = "force-dynamic";

export default async function StudiosPage({ searchParams }: { searchParams: Promise<{ all?: string }> }) {
  const session = await requireSession("/studios");
  const studios = await listMyStudios(systemDb(), session.userId);
  if (studios.length === 1 && !(await searchParams).all) redirect(`/s/${studios[0]!.slug}`);
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Your studios</h1>
        <SignOutButton />
      </header>
      <div className="mt-6">
        {studios.length === 0 ? (
          <EmptyState
            title="No studio yet"
            action={
              <Link href="/studios/new" className={buttonClasses("primary")}>
                Create your studio
              </Link>
            }
          >
            A studio holds your designs, orders and team. If someone invited you, open the link from their email.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {studios.map((studio) => (
              <li key={studio.id}>
                <Link href={`/s/${studio.slug}`} className="flex items-center justify-between px-4 py-3 hover:bg-stone-50">
                  <span className="font-medium">{studio.name}</span>
                  <span className="text-sm text-stone-500">{ROLE_LABELS[studio.role]}</span>
                </Link>
              </li>
            ))}
            <li>
              <Link href="/studios/new" className="block px-4 py-3 text-sm font-medium text-brand-700 hover:bg-stone-50">
                + New studio
              </Link>
            </li>
          </ul>
        )}
      </div>
    </main>
  );
}
