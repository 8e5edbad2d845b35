import { createContext } from "~/server/trpc/context";
import { createCaller } from "~/server/trpc/root";
import { fillDemoWorkshop } from "./demo-workshop";

export type { DemoContent } from "./demo-workshop";

type Owner = { id: string; email: string; sessionVersion: number };

/** The demo workshop (demo-workshop.ts), filled in-process as the studio's owner. */
export async function seedDemoContent(owner: Owner, studioId: string, runPlanner: () => Promise<unknown>) {
  const api = createCaller(
    createContext({
      session: { userId: owner.id, email: owner.email, sessionVersion: owner.sessionVersion, loginAt: Date.now() },
      headers: new Headers(),
    }),
  );
  return fillDemoWorkshop(api, studioId, runPlanner);
}
