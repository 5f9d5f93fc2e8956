import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENTS } from "@/lib/schemas/webhooks";
import { WEBHOOK_EVENT_CATALOGUE, webhookPayloadSchema } from "@/lib/schemas/webhook-events";
import { publishedSchemaFiles, SCHEMA_DIR } from "@/scripts/webhook-schemas";

describe("published webhook schemas", () => {
  it("docs/webhooks holds exactly one up-to-date schema per event (npm run webhooks:schemas)", async () => {
    const expected = await publishedSchemaFiles();
    const onDisk = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".json"));
    expect(onDisk.sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(path.join(SCHEMA_DIR, name), "utf8"), name).toBe(text);
  });

  it("every example validates against its published schema, and a wrong payload does not", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    // ajv-formats is CommonJS: under ESM its plugin may sit on `default`
    const plugin = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
    plugin(ajv);
    for (const event of WEBHOOK_EVENTS) {
      const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${event}.json`), "utf8")) as object;
      const validate = ajv.compile(schema);
      const example = (schema as { examples: unknown[] }).examples[0];
      expect(validate(example), `${event}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(webhookPayloadSchema(event).safeParse(example).success, event).toBe(true);
      const wrongType = { ...(example as object), type: "lunch.ordered" };
      expect(validate(wrongType), event).toBe(false);
      const noData = { type: event, timestamp: "2026-03-02T09:00:00.000Z", data: {} };
      expect(validate(noData), event).toBe(false);
    }
  });

  it("labels are product words: no event key, no snake_case", () => {
    for (const event of WEBHOOK_EVENTS) {
      const { label } = WEBHOOK_EVENT_CATALOGUE[event];
      expect(label, event).not.toMatch(/[a-z]_[a-z]|\.[a-z]/);
      expect(label.length, event).toBeGreaterThan(10);
    }
  });
});
