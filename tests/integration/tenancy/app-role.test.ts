import { describe, expect, it } from "vitest";
import { systemDb, withTenant } from "~/server/db";
import { makeStudio } from "../../helpers/factories";

// The role that serves studio data (benchflow_app) reads names and emails, never a password hash.

/** Columns of "User" the app role may read; everything else (the password hash) stays with the owner role. */
const READABLE_USER_COLUMNS = ["createdAt", "email", "emailVerifiedAt", "id", "name", "sessionVersion", "updatedAt"];

describe("the app role's privileges", () => {
  it("cannot read password hashes, even inside a studio's transaction", async () => {
    const { studio, owner } = await makeStudio();
    await expect(withTenant(studio.id, (db) => db.$queryRaw`SELECT "passwordHash" FROM "User" WHERE "id" = ${owner.id}`)).rejects.toThrow(
      /permission denied/i,
    );
    await expect(withTenant(studio.id, (db) => db.user.findUnique({ where: { id: owner.id } }))).rejects.toThrow(/permission denied/i);
    await expect(withTenant(studio.id, (db) => db.accountToken.count())).rejects.toThrow(/permission denied/i);
  });

  it("still reads the other columns, and writes no account", async () => {
    const { studio, owner } = await makeStudio();
    await expect(
      withTenant(studio.id, (db) => db.user.findUnique({ where: { id: owner.id }, select: { name: true, email: true, emailVerifiedAt: true } })),
    ).resolves.toMatchObject({ email: owner.email });
    await expect(withTenant(studio.id, (db) => db.user.update({ where: { id: owner.id }, data: { name: "Renamed" } }))).rejects.toThrow(
      /permission denied/i,
    );
  });

  it("readable columns are decided one by one: a new User column fails here until it is granted or kept back", async () => {
    const columns = await systemDb().$queryRaw<Array<{ column_name: string; readable: boolean }>>`
      SELECT column_name, has_column_privilege('benchflow_app', '"User"', column_name, 'SELECT') AS readable
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'User' ORDER BY column_name`;
    expect(columns.filter((column) => column.readable).map((column) => column.column_name)).toEqual(READABLE_USER_COLUMNS);
    expect(columns.filter((column) => !column.readable).map((column) => column.column_name)).toEqual(["passwordHash"]);
  });
});
