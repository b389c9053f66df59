import { describe, expect, it } from "vitest";
import { strictTransportSecurity } from "./transport-security.mjs";

describe("strictTransportSecurity", () => {
  it("pins browsers to https for two years when the site is served over https", () => {
    expect(strictTransportSecurity("https://factdesk.example.org")).toBe("max-age=63072000; includeSubDomains");
  });
  it("sends nothing for plain http or an unset origin", () => {
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });
});
