import { CutList } from "~/features/planning/components/cut-list";

export const metadata = { title: "Cut list" };

export default async function CutListPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const { from, to } = await searchParams;
  return <CutList from={from} to={to} />;
}
