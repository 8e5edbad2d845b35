import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClasses } from "~/components/ui/button";
import { getAppSession } from "~/server/auth";

export const dynamic = "force-dynamic";

const POINTS = [
  {
    title: "Batch one step across designs",
    body: "Cut all the 22-gauge sterling at once, solder ten pieces in a row — even when they belong to different designs and orders.",
  },
  {
    title: "Every piece stays traceable",
    body: "Batches remember which order each piece belongs to, so nothing gets lost between the bench and the shipping table.",
  },
  {
    title: "Made for the bench",
    body: "Assistants claim batch steps from a phone and report pieces done or scrapped as they go.",
  },
];

export default async function LandingPage() {
  if (await getAppSession()) redirect("/studios");
  return (
    <main className="mx-auto flex min-h-screen max-w-5xl flex-col px-6 py-10">
      <header className="flex items-center justify-between">
        <span className="text-lg font-semibold tracking-tight text-brand-900">Benchflow</span>
        <nav className="flex gap-2">
          <Link href="/signin" className={buttonClasses("ghost")}>
            Sign in
          </Link>
          <Link href="/signup" className={buttonClasses("primary")}>
            Start free
          </Link>
        </nav>
      </header>
      <section className="mt-20 max-w-2xl">
        <h1 className="text-4xl font-bold tracking-tight text-stone-900 sm:text-5xl">
          Production planning for handmade jewelry studios
        </h1>
        <p className="mt-5 text-lg text-stone-600">
          Production in a handmade studio is a rhythm: organise, batch the steps, repeat with the same hand tools.
          Benchflow turns that habit into a plan your whole studio can work from.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/signup" className={buttonClasses("primary", "px-6 py-3 text-base")}>
            Create your studio
          </Link>
          <Link href="/signin" className={buttonClasses("secondary", "px-6 py-3 text-base")}>
            I already have an account
          </Link>
        </div>
      </section>
      <section className="mt-20 grid gap-6 sm:grid-cols-3">
        {POINTS.map((point) => (
          <div key={point.title} className="rounded-xl border border-stone-200 bg-white p-5">
            <h2 className="font-semibold text-stone-900">{point.title}</h2>
            <p className="mt-2 text-sm text-stone-600">{point.body}</p>
          </div>
        ))}
      </section>
    </main>
  );
}
