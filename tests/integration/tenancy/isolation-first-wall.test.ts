import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "~/server/db";
import { makeStudio } from "../../helpers/factories";
import { describeIsolation } from "./isolation-suite";

// Test-only mode: tenant transactions run as the owner role, which row-level security does not apply to, so
// only the procedures' own `where studioId` stands between the studios. A procedure that forgets it fails
// here while isolation.test.ts (RLS on) would stay green. The database clients are created lazily, after this.
process.env.APP_DATABASE_URL = process.env.DATABASE_URL;

describe("the first-wall mode", () => {
  let studios: string[];
  beforeAll(async () => {
    studios = [(await makeStudio()).studio.id, (await makeStudio()).studio.id];
  });

  it("really has row-level security out of the way: a tenant transaction sees other studios' rows", async () => {
    const seen = await withTenant(studios[0]!, (db) => db.studio.findMany({ where: { id: { in: studios } }, select: { id: true } }));
    expect(seen.map((studio) => studio.id).sort()).toEqual([...studios].sort());
  });
});

describeIsolation("cross-tenant isolation without row-level security (the procedures' own studio scope)");
