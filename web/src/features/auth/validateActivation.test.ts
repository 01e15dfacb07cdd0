import { describe, expect, it } from "vitest";
import { validateActivation } from "./validateActivation";

describe("validateActivation", () => {
  it("accepts 8 to 128 characters with no composition rules", () => {
    expect(validateActivation({ displayName: "", password: "aaaaaaaa", confirm: "aaaaaaaa" })).toEqual({});
    const longest = "x".repeat(128);
    expect(validateActivation({ displayName: "Ada", password: longest, confirm: longest })).toEqual({});
  });

  it("rejects 7 and 129 characters", () => {
    expect(validateActivation({ displayName: "", password: "1234567", confirm: "1234567" }).password).toBe(
      "Use at least 8 characters.",
    );
    const tooLong = "x".repeat(129);
    expect(validateActivation({ displayName: "", password: tooLong, confirm: tooLong }).password).toBe(
      "Use at most 128 characters.",
    );
  });

  it("counts characters, not UTF-16 units, and does not trim", () => {
    // Four emoji are 8 UTF-16 units but 4 characters.
    expect(validateActivation({ displayName: "", password: "🔑🔑🔑🔑", confirm: "🔑🔑🔑🔑" }).password).toBeDefined();
    expect(validateActivation({ displayName: "", password: "   pass   ", confirm: "   pass   " })).toEqual({});
  });

  it("asks for the same password twice", () => {
    expect(validateActivation({ displayName: "", password: "long enough", confirm: "long enougH" }).confirm).toBe(
      "The two passwords differ.",
    );
  });
});
