import { describe, expect, it } from "vitest";
import {
  ALERT_KINDS,
  ESCALATION_KINDS,
  WEEK_ALERT_KINDS,
  alertKindLabel,
  alertWantsExecutives,
  isUrgentAlert,
} from "./registry";

const kinds = Object.keys(ALERT_KINDS) as (keyof typeof ALERT_KINDS)[];

describe("the alert registry", () => {
  it("urgency follows the kind: failed, overdue and escalated weeks, escalations, refunds and high risks go out at once", () => {
    expect(kinds.filter((k) => !isUrgentAlert(k)).sort()).toEqual([
      "ACCOUNT_AT_RISK",
      "GUARANTEE_MET",
      "MILESTONE_AT_RISK",
    ]);
    expect(isUrgentAlert("MILESTONE_FAILED")).toBe(true);
    expect(isUrgentAlert("REFUND_AWAITING_APPROVAL")).toBe(true);
  });

  it("executives hear about escalations, refunds and critical risks", () => {
    expect(kinds.filter(alertWantsExecutives).sort()).toEqual([
      "MILESTONE_ESCALATION",
      "PROJECT_CRITICAL_RISK",
      "QUALITY_ESCALATION_CODE",
      "QUALITY_ESCALATION_COMPREHENSIVE",
      "QUALITY_ESCALATION_DELIVERY",
      "QUALITY_ESCALATION_PROCESS",
      "REFUND_AWAITING_APPROVAL",
    ]);
  });

  it("every label is product words, distinct, and never the stored key", () => {
    const labels = kinds.map(alertKindLabel);
    expect(new Set(labels).size).toBe(kinds.length);
    for (const label of labels) expect(label).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
  });

  it("week alerts are about a milestone; escalations include every quality escalation", () => {
    for (const k of WEEK_ALERT_KINDS) expect(ALERT_KINDS[k].subject).toBe("milestone");
    expect(kinds.filter((k) => k.includes("ESCALATION")).sort()).toEqual([...ESCALATION_KINDS].sort());
  });

  it("every critical kind is urgent", () => {
    for (const k of kinds) if (ALERT_KINDS[k].severity === "CRITICAL") expect(isUrgentAlert(k)).toBe(true);
  });
});
