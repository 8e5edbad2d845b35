import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { getRequestSession } from "~/server/auth";

// The tRPC route reads the session straight from the next-auth JWT cookie; it must accept exactly what
// next-auth issued and nothing else.

const secret = "test-secret-for-request-sessions-0123456789";
const claims = { sub: "user-1", email: "maker@example.test", sv: 3, loginAt: 1_700_000_000_000 };
const headersWith = (cookie: string) => new Headers({ cookie });

describe("getRequestSession", () => {
  const before = { secret: process.env.NEXTAUTH_SECRET, url: process.env.NEXTAUTH_URL };
  afterEach(() => {
    process.env.NEXTAUTH_SECRET = before.secret;
    process.env.NEXTAUTH_URL = before.url;
  });

  it("reads the session next-auth issued", async () => {
    process.env.NEXTAUTH_SECRET = secret;
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    expect(await getRequestSession(headersWith(`theme=dark; next-auth.session-token=${token}`))).toEqual({
      userId: "user-1", email: "maker@example.test", sessionVersion: 3, loginAt: 1_700_000_000_000, sessionId: null,
    });
  });

  it("uses the __Secure- cookie behind https", async () => {
    process.env.NEXTAUTH_SECRET = secret;
    process.env.NEXTAUTH_URL = "https://benchflow.example";
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    expect(await getRequestSession(headersWith(`next-auth.session-token=${token}`))).toBeNull();
    expect((await getRequestSession(headersWith(`__Secure-next-auth.session-token=${token}`)))?.userId).toBe("user-1");
  });

  it("refuses no cookie, a tampered token, another secret's token and an expired token", async () => {
    process.env.NEXTAUTH_SECRET = secret;
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    expect(await getRequestSession(new Headers())).toBeNull();
    expect(await getRequestSession(headersWith(`next-auth.session-token=${token.slice(0, -4)}AAAA`))).toBeNull();
    const foreign = await encode({ token: claims, secret: "another-secret-entirely-0123456789", maxAge: 3600 });
    expect(await getRequestSession(headersWith(`next-auth.session-token=${foreign}`))).toBeNull();
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    expect(await getRequestSession(headersWith(`next-auth.session-token=${expired}`))).toBeNull();
  });
});
