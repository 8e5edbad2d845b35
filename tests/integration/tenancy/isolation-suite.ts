import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, type StudioRole } from "~/server/authz/permissions";
import type { ProcedureMeta } from "~/server/trpc/init";
import { systemDb } from "~/server/db";
import { appRouter, NON_TENANT_PROCEDURES } from "~/server/trpc/root";
import { callerFor, errorCode } from "../../helpers/caller";
import { makeTwoStudios } from "../../helpers/factories";
import { ISOLATION_CASES, type Cast } from "./cases";

// The cross-tenant isolation cases, run by isolation.test.ts as the row-level-security role (both walls) and
// by isolation-first-wall.test.ts with row-level security out of the way (the procedures' own `where studioId`
// alone), so a missing scope in a procedure fails even though RLS would have hidden it.

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta } }>;
const procedurePaths = Object.keys(procedures);
const studioScopedPaths = procedurePaths.filter((path) => !(path in NON_TENANT_PROCEDURES));

/** The role a procedure requires, from its declared permission (none: any member, see procedures-meta.test.ts). */
export function requiredRole(path: string): StudioRole {
  const permission = procedures[path]?._def.meta?.permission;
  return permission ? PERMISSIONS[permission] : "ASSISTANT";
}

function lowerRoles(minRole: StudioRole): StudioRole[] {
  return ROLES.slice(ROLES.indexOf(minRole) + 1);
}

/** Every id of studio A's rows (every table with a studioId), its studio and its people. */
async function idsOf(studioId: string, userIds: string[]): Promise<string[]> {
  const tables = await systemDb().$queryRaw<Array<{ table_name: string }>>`
    SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.columns i ON i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id'
     WHERE c.table_schema = 'public' AND c.column_name = 'studioId'`;
  const ids = [studioId, ...userIds];
  for (const { table_name } of tables) {
    const rows = await systemDb().$queryRawUnsafe<Array<{ id: string }>>(`SELECT "id"::text AS id FROM "${table_name.replace(/"/g, "")}" WHERE "studioId" = $1`, studioId);
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

export function describeIsolation(title: string) {
  describe(title, () => {
    let cast: Cast;
    beforeAll(async () => {
      cast = await makeTwoStudios();
    });

    it("covers every studio-scoped procedure", () => {
      expect(studioScopedPaths.filter((path) => !(path in ISOLATION_CASES))).toEqual([]);
    });

    describe.each(Object.entries(ISOLATION_CASES))("%s", (path, testCase) => {
      it("answers NOT_FOUND to another studio's owner and leaves A's data unchanged", async () => {
        const { input, recordInput, snapshot } = await testCase.arrange(cast);
        const before = await snapshot();
        const call = (user: { id: string; email: string }, args: Record<string, unknown>) => testCase.call(callerFor(user), args as never);

        // B's owner naming A's studio.
        expect(await errorCode(call(cast.b.owner, input))).toBe("NOT_FOUND");
        // B's owner in B's own studio, naming A's record.
        if (recordInput) expect(await errorCode(call(cast.b.owner, { ...input, studioId: cast.b.studio.id }))).toBe("NOT_FOUND");
        // A signed-in user with no studio at all.
        expect(await errorCode(call(cast.b.assistant, input))).toBe("NOT_FOUND");

        expect(await snapshot()).toEqual(before);
      });

      if (procedures[path]?._def.type === "query") {
        it("shows another studio's owner, in their own studio, none of A's rows", async () => {
          const { input } = await testCase.arrange(cast);
          const answer = await testCase.call(callerFor(cast.b.owner), { ...input, studioId: cast.b.studio.id } as never).catch(() => null);
          if (answer === null) return; // refused (e.g. A's record id): covered above
          const text = JSON.stringify(answer);
          const leaked = (await idsOf(cast.a.studio.id, [cast.a.owner.id, cast.a.admin.id, cast.a.assistant.id])).filter((id) => text.includes(id));
          expect(leaked, `${path} answered B's owner with studio A's rows`).toEqual([]);
        });
      }

      it("answers FORBIDDEN to roles below the one required and leaves A's data unchanged", async () => {
        const { input, snapshot } = await testCase.arrange(cast);
        const before = await snapshot();
        for (const role of lowerRoles(requiredRole(path))) {
          const user = role === "ADMIN" ? cast.a.admin : cast.a.assistant;
          expect(await errorCode(testCase.call(callerFor(user), input as never))).toBe("FORBIDDEN");
        }
        expect(await snapshot()).toEqual(before);
      });

      if (requiredRole(path) === "ASSISTANT") {
        it("succeeds for an assistant of the studio (the denials above are the door, not a broken call)", async () => {
          const input = testCase.succeed ? await testCase.succeed(cast) : (await testCase.arrange(cast)).input;
          await testCase.call(callerFor(cast.a.assistant), input as never); // throws if refused
        });
      }

      it("answers UNAUTHORIZED without a session", async () => {
        const { input } = await testCase.arrange(cast);
        expect(await errorCode(testCase.call(callerFor(null), input as never))).toBe("UNAUTHORIZED");
      });
    });
  });
}
