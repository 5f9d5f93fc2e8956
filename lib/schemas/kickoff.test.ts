import { describe, expect, it } from "vitest";
import { ZKickoffStakeholderRowsSchema } from "./kickoff";

const row = (name: string, email: string) => ({ name, email, stakeholderRole: "MEMBER" as const, isApprover: false });

describe("ZKickoffStakeholderRowsSchema", () => {
  it("drops blank rows and reads the rest with the kickoff rules", () => {
    expect(ZKickoffStakeholderRowsSchema.parse([row("", " "), row("Lucy Kim", " Lucy@Orbit.example ")])).toEqual([
      row("Lucy Kim", "lucy@orbit.example"),
    ]);
  });

  it("reports an invalid email at the row it was typed in, past a blank row", () => {
    const result = ZKickoffStakeholderRowsSchema.safeParse([
      row("Ann", "ann@x.example"),
      row("", ""),
      row("Bo", "bo@"),
    ]);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["2.email", "Enter a valid email address"],
    ]);
  });

  it("reports a repeated email at the second row", () => {
    const result = ZKickoffStakeholderRowsSchema.safeParse([row("Ann", "a@x.example"), row("Al", "A@x.example")]);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["1.email"]);
  });
});
