import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { isSameOriginMutation } from "~/server/http/origin";
import { publicProcedure, router } from "~/server/trpc/init";

const testRouter = router({
  boom: publicProcedure.query(() => {
    throw new Error("password=hunter2 at /srv/secret/path.ts:42");
  }),
  echo: publicProcedure.input(z.object({ quantity: z.number().int().min(1, { message: "Quantity must be at least 1" }) })).mutation(({ input }) => input),
});

async function call(path: string, init?: RequestInit) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, init),
    router: testRouter,
    createContext: () => ({ session: null, headers: new Headers(), clientIp: null }),
  });
  return { status: response.status, body: await response.text() };
}

describe("error responses", () => {
  it("hides unknown errors behind a generic 500 message with no stack trace", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, body } = await call("boom");
    spy.mockRestore();
    expect(status).toBe(500);
    expect(body).toContain("Something went wrong on our side");
    expect(body).not.toContain("hunter2");
    expect(body).not.toContain("stack");
    expect(body).not.toContain(".ts:");
  });

  it("answers bad input with a 400 in words, naming the field and the rule", async () => {
    const { status, body } = await call("echo", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { quantity: 0 } }),
    });
    expect(status).toBe(400);
    const parsed = JSON.parse(body);
    expect(parsed.error.json.message).toBe("Quantity must be at least 1");
    expect(parsed.error.json.data.fieldErrors).toEqual({ quantity: ["Quantity must be at least 1"] });
  });
});

describe("origin check for mutations", () => {
  const post = (headers: Record<string, string>) => new Request("http://app.test/api/trpc/x", { method: "POST", headers });

  it("accepts same-origin JSON posts and rejects cross-site or non-JSON ones", () => {
    expect(isSameOriginMutation(post({ host: "app.test", origin: "http://app.test", "content-type": "application/json" }))).toBe(true);
    expect(isSameOriginMutation(post({ host: "app.test", origin: "http://evil.test", "content-type": "application/json" }))).toBe(false);
    expect(isSameOriginMutation(post({ host: "app.test", origin: "http://app.test", "content-type": "multipart/form-data; boundary=x" }))).toBe(false);
    expect(isSameOriginMutation(post({ host: "app.test", "content-type": "text/plain" }))).toBe(false);
  });
});
