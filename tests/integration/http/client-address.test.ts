import { describe, expect, it } from "vitest";
import { POST } from "~/app/api/trpc/[trpc]/route";
import { runWithPeerAddress } from "~/server/http/client-ip";
import { LIMITS } from "~/server/rate-limit";
import { exhaustRateLimit, uniqueSuffix } from "../../helpers/factories";
import { trpcBatchPost } from "../../helpers/http";

// Per-address limits through the real route: the address is the connection's, not a header the client writes.

const peer = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

function signUp(from: string, forwardedFor: string) {
  const input = { name: "Rotator", email: `rotate-${uniqueSuffix()}@example.test`, password: "a long enough secret" };
  return runWithPeerAddress(from, () => POST(trpcBatchPost([["auth.signUp", input]], { headers: { "x-forwarded-for": forwardedFor } })));
}

describe("per-address limits", () => {
  it("rotating X-Forwarded-For does not escape the sign-up limit of the connection's address", async () => {
    const address = peer();
    await exhaustRateLimit("signUpPerAddress", address, LIMITS.signUpPerAddress.points - 1);
    expect((await signUp(address, "198.51.100.1")).status).toBe(200);
    const refused = await signUp(address, "198.51.100.2");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("a spoofed X-Forwarded-For cannot spend someone else's allowance", async () => {
    const attacker = peer();
    const victim = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    await exhaustRateLimit("signUpPerAddress", attacker, LIMITS.signUpPerAddress.points - 1);
    expect((await signUp(attacker, victim)).status).toBe(200);
    expect((await signUp(attacker, victim)).status).toBe(429);
    expect((await signUp(victim, victim)).status).toBe(200);
  });
});
