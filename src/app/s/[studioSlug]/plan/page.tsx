import { PlanBoard } from "~/features/planning/components/plan-board";

export const metadata = { title: "Plan" };

export default function PlanPage() {
  return <PlanBoard />;
}
