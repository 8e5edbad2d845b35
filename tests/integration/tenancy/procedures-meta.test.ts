import { describe, expect, it } from "vitest";
import { appRouter, NON_TENANT_PROCEDURES } from "~/server/trpc/root";
import type { ProcedureMeta } from "~/server/trpc/init";
import { studioScope } from "~/server/trpc/procedures";

type ProcedureLike = { _def: { middlewares: unknown[]; meta?: ProcedureMeta } };

/** Studio procedures any member may call without a named permission (the isolation cases read the rest). */
const ANY_MEMBER = ["studio.events", "studio.get", "studio.holidays", "studio.setupProgress"];

// t.middleware() returns a builder; procedures hold the function inside it.
const studioScopeFn = (studioScope as unknown as { _middlewares: unknown[] })._middlewares[0];

describe("tenancy meta-test", () => {
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureLike>;

  it("builds every procedure on studioProcedure, except the listed account-level ones", () => {
    const notScoped = Object.entries(procedures)
      .filter(([, procedure]) => !procedure._def.middlewares.includes(studioScopeFn))
      .map(([path]) => path)
      .filter((path) => !(path in NON_TENANT_PROCEDURES));
    expect(notScoped).toEqual([]);
  });

  it("keeps the exception list honest: each listed path exists and is not studio-scoped", () => {
    for (const path of Object.keys(NON_TENANT_PROCEDURES)) {
      expect(procedures[path], `${path} is listed but does not exist`).toBeDefined();
      expect(procedures[path]!._def.middlewares.includes(studioScopeFn), `${path} is studio-scoped; unlist it`).toBe(false);
    }
  });

  it("declares each studio procedure's permission in its meta, except the listed any-member ones", () => {
    const undeclared = Object.entries(procedures)
      .filter(([path, procedure]) => !(path in NON_TENANT_PROCEDURES) && !procedure._def.meta?.permission)
      .map(([path]) => path);
    expect(undeclared.sort()).toEqual([...ANY_MEMBER].sort());
    expect(procedures["bench.report"]!._def.meta).toEqual({ permission: "bench:work" });
    expect(procedures["billing.createCheckoutSession"]!._def.meta).toEqual({ permission: "billing:manage" });
  });

  it("detects a procedure that skips the studio scope", () => {
    expect(typeof studioScopeFn).toBe("function");
    const scoped = procedures["studio.get"]!;
    expect(scoped._def.middlewares).toContain(studioScopeFn);
    const unscoped = procedures["studio.listMine"]!;
    expect(unscoped._def.middlewares).not.toContain(studioScopeFn);
  });
});
