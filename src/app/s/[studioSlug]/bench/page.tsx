import { BenchPage } from "~/features/bench/components/bench-page";

export const metadata = { title: "My bench" };

export default function StudioBenchPage() {
  return <BenchPage />;
}
