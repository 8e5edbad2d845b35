"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCurrentStudio } from "~/features/studios/components/studio-context";

/** Designs, materials and stations: one catalog section with tabs. */
export function CatalogTabs() {
  const { slug } = useCurrentStudio();
  const pathname = usePathname();
  const tabs = [
    { href: `/s/${slug}/catalog`, label: "Designs" },
    { href: `/s/${slug}/materials`, label: "Materials" },
    { href: `/s/${slug}/stations`, label: "Stations" },
    { href: `/s/${slug}/catalog/import`, label: "Import / export" },
  ];
  return (
    <nav aria-label="Catalog" className="mb-6 flex gap-1 overflow-x-auto border-b border-stone-200">
      {tabs.map((tab) => {
        const active =
          pathname === tab.href || (tab.href.endsWith("/catalog") && pathname.startsWith(tab.href) && !pathname.startsWith(`${tab.href}/import`));
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-800" : "border-transparent text-stone-600 hover:text-stone-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
