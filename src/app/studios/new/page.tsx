import Link from "next/link";
import { CreateStudioForm } from "~/features/studios/components/create-studio-form";
import { requireSession } from "~/server/auth-guards";

export const metadata = { title: "New studio" };
export const dynamic = "force-dynamic";

export default async function NewStudioPage() {
  await requireSession("/studios/new");
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <Link href="/studios" className="text-sm text-stone-600 hover:underline">
        ← Your studios
      </Link>
      <h1 className="mt-4 text-2xl font-semibold">Set up your studio</h1>
      <p className="mt-1 text-sm text-stone-600">You can change all of this later in the studio settings.</p>
      <div className="mt-6 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
        <CreateStudioForm />
      </div>
    </main>
  );
}
