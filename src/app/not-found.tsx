import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-stone-600">This page does not exist, or you are not a member of this studio.</p>
      <Link href="/studios?all=1" className={buttonClasses("primary", "mt-6")}>
        Your studios
      </Link>
    </main>
  );
}
