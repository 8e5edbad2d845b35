import { TeamPage } from "~/features/team/components/team-page";

export const metadata = { title: "Team" };

export default function StudioTeamPage() {
  return <TeamPage />;
}
