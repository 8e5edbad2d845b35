import { describe, expect, it } from "vitest";
import { tenantClient, withTenant } from "~/server/db";
import { makeStudio, makeUser } from "../../helpers/factories";

describe("row-level security (second wall)", () => {
  it("shows the app role only the current studio's rows, even without a where clause", async () => {
    const { studio: a } = await makeStudio();
    const { studio: b } = await makeStudio();
    const memberships = await withTenant(a.id, (db) => db.membership.findMany());
    expect(memberships.length).toBeGreaterThan(0);
    expect(memberships.every((m) => m.studioId === a.id)).toBe(true);
    const studios = await withTenant(a.id, (db) => db.studio.findMany());
    expect(studios.map((s) => s.id)).toEqual([a.id]);
    expect(await withTenant(a.id, (db) => db.studio.findUnique({ where: { id: b.id } }))).toBeNull();
  });

  it("refuses to write another studio's rows under the current tenant", async () => {
    const { studio: a } = await makeStudio();
    const { studio: b } = await makeStudio();
    const user = await makeUser();
    await expect(
      withTenant(a.id, (db) => db.membership.create({ data: { studioId: b.id, userId: user.id, role: "OWNER" } })),
    ).rejects.toThrow(/row-level security/i);
    const renamed = await withTenant(a.id, (db) => db.studio.updateMany({ where: { id: b.id }, data: { name: "x" } }));
    expect(renamed.count).toBe(0);
  });

  it("sees nothing when no tenant is set, and the setting does not leak past its transaction", async () => {
    const { studio: a } = await makeStudio();
    await withTenant(a.id, (db) => db.studio.count());
    expect(await tenantClient().studio.count()).toBe(0);
    expect(await tenantClient().membership.count()).toBe(0);
  });

  it("refuses to run a tenant transaction without a studio id", async () => {
    await expect(withTenant("", async () => 1)).rejects.toThrow(/without a studio id/);
  });
});
