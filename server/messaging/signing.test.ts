import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { MIN_SECRET_BYTES, generateWebhookSecret, maskSecret, secretProblem, signWebhook } from "./signing";

describe("webhook signing", () => {
  it("produces Standard Webhooks headers that the reference library verifies", () => {
    const secret = generateWebhookSecret();
    expect(secretProblem(secret)).toBeNull();
    const body = JSON.stringify({ type: "test.ping", data: { hello: "world" } });
    const ts = Math.floor(Date.now() / 1000);
    const headers = signWebhook(secret, "msg_1", ts, body);
    expect(headers["webhook-signature"]).toMatch(/^v1,/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, signWebhook(secret, "msg_1", ts - 3600, body))).toThrow();
  });

  it("explains unusable secrets", () => {
    expect(secretProblem("hunter2")).toMatch(/start with whsec_/);
    expect(secretProblem(`whsec_${Buffer.alloc(MIN_SECRET_BYTES - 1, 7).toString("base64")}`)).toMatch(/too short/);
    expect(secretProblem(`whsec_${Buffer.alloc(MIN_SECRET_BYTES, 7).toString("base64")}`)).toBeNull();
    expect(secretProblem("whsec_not base64!")).toMatch(/base64/);
    expect(maskSecret("whsec_abcdefgh")).toBe("whsec_abcd…");
  });
});
