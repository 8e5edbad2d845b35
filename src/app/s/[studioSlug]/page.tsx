import { StudioHome } from "~/features/studios/components/studio-home";

export default function StudioHomePage() {
  return <StudioHome />;
}
