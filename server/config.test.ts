import { describe, expect, it } from "vitest";
import { loadConfig, settings } from "./config.ts";

describe("configuration", () => {
  it("defaults to the embedded PostgreSQL on 5433 and no trusted proxy", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      embeddedPgPort: 5433,
      trustProxy: false,
      signInPerMinute: 30,
    });
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("names each bad variable and what it must be", () => {
    expect(() => loadConfig({ EMBEDDED_PG_PORT: "postgres", TRUST_PROXY: "yes" })).toThrow(
      /EMBEDDED_PG_PORT: .*\n.*TRUST_PROXY: must be true or false/s,
    );
  });

  it("lists every variable it reads in --help", () => {
    const listed = settings.map(([name]) => name);
    expect(listed).toEqual(
      expect.arrayContaining(["EMBEDDED_PG_PORT", "TRUST_PROXY", "SIGN_IN_RATE_LIMIT", "DATABASE_URL"]),
    );
  });
});
