import { Spinner } from "~/components/ui/spinner";

// While the page's data is read on the server (the header is already shown; also on in-app navigation).
export default function Loading() {
  return <Spinner label="Loading the plan…" />;
}
