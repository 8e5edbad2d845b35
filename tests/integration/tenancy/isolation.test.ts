import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type StudioRole } from "~/server/authz/permissions";
import { appRouter, NON_TENANT_PROCEDURES } from "~/server/trpc/root";
import { callerFor, errorCode } from "../../helpers/caller";
import { makeTwoStudios } from "../../helpers/factories";
import { ISOLATION_CASES, type Cast } from "./cases";

const procedurePaths = Object.keys(appRouter._def.procedures);
const studioScopedPaths = procedurePaths.filter((path) => !(path in NON_TENANT_PROCEDURES));

function lowerRoles(minRole: StudioRole): StudioRole[] {
  return ROLES.slice(ROLES.indexOf(minRole) + 1);
}

describe("cross-tenant isolation", () => {
  let cast: Cast;
  beforeAll(async () => {
    cast = await makeTwoStudios();
  });

  it("covers every studio-scoped procedure", () => {
    expect(studioScopedPaths.filter((path) => !(path in ISOLATION_CASES))).toEqual([]);
  });

  describe.each(Object.entries(ISOLATION_CASES))("%s", (_path, testCase) => {
    it("answers NOT_FOUND to another studio's owner and leaves A's data unchanged", async () => {
      const { input, recordInput, snapshot } = await testCase.arrange(cast);
      const before = await snapshot();
      const call = (user: { id: string; email: string }, args: Record<string, unknown>) =>
        testCase.call(callerFor(user), args as never);

      // B's owner naming A's studio.
      expect(await errorCode(call(cast.b.owner, input))).toBe("NOT_FOUND");
      // B's owner in B's own studio, naming A's record.
      if (recordInput) expect(await errorCode(call(cast.b.owner, { ...input, studioId: cast.b.studio.id }))).toBe("NOT_FOUND");
      // A signed-in user with no studio at all.
      expect(await errorCode(call(cast.b.assistant, input))).toBe("NOT_FOUND");

      expect(await snapshot()).toEqual(before);
    });

    it("answers FORBIDDEN to roles below the one required and leaves A's data unchanged", async () => {
      const { input, snapshot } = await testCase.arrange(cast);
      const before = await snapshot();
      for (const role of lowerRoles(testCase.minRole)) {
        const user = role === "ADMIN" ? cast.a.admin : cast.a.assistant;
        expect(await errorCode(testCase.call(callerFor(user), input as never))).toBe("FORBIDDEN");
      }
      expect(await snapshot()).toEqual(before);
    });

    it("answers UNAUTHORIZED without a session", async () => {
      const { input } = await testCase.arrange(cast);
      expect(await errorCode(testCase.call(callerFor(null), input as never))).toBe("UNAUTHORIZED");
    });
  });
});
