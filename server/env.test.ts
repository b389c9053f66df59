import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema, InvalidEnvironmentError, parseEnv } from "./env.mjs";

const schemaNames = Object.keys(envSchema.shape).sort();

/** The schema's default for a variable, written as it would be in the environment; undefined when it has none. */
function writtenDefault(name: string): string | undefined {
  const value = (parseEnv({}) as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  return typeof value === "boolean" ? (value ? "1" : "0") : String(value);
}

/** The README's Configuration table: variable names (a cell may name several) and the default cell. */
function readmeTable(): Map<string, string> {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## Configuration"));
  const rows = section.split("\n").filter((line) => line.startsWith("| `"));
  const table = new Map<string, string>();
  for (const row of rows) {
    const [names = "", defaultCell = ""] = row.split("|").slice(1).map((cell) => cell.trim());
    for (const [, name] of names.matchAll(/`([A-Z0-9_]+)`/g)) table.set(name!, defaultCell);
  }
  return table;
}

/** `.env.example`: each variable on a (commented-out) `NAME=value` line. */
function exampleFile(): Map<string, string> {
  const lines = readFileSync(".env.example", "utf8").split("\n");
  return new Map(lines.flatMap((line) => [...line.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/g)].map(([, name, value]) => [name!, value!] as const)));
}

describe("configuration documents agree with the schema", () => {
  it("the README's Configuration table lists exactly the schema's variables, with the schema's defaults", () => {
    const table = readmeTable();
    expect([...table.keys()].sort()).toEqual(schemaNames);
    for (const name of schemaNames) {
      const fallback = writtenDefault(name);
      if (fallback !== undefined) expect(table.get(name), name).toBe(`\`${fallback}\``);
    }
  });

  it(".env.example lists exactly the schema's variables, with the schema's defaults and values the schema accepts", () => {
    const example = exampleFile();
    expect([...example.keys()].sort()).toEqual(schemaNames);
    for (const name of schemaNames) {
      const fallback = writtenDefault(name);
      if (fallback !== undefined) expect(example.get(name), name).toBe(fallback);
    }
    expect(() => parseEnv(Object.fromEntries(example))).not.toThrow();
  });
});

describe("parseEnv", () => {
  it("gives the defaults for an empty environment, and treats empty values as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(env).toMatchObject({ DATABASE_POOL_SIZE: 10, PORT: 3000, FACTDESK_DATA_DIR: "./.data", FACTDESK_HOSTNAME: "localhost", FACTDESK_SKIP_DEMO: false });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("turns the strings of the environment into typed values, and ignores variables it does not know", () => {
    const env = parseEnv({ DATABASE_POOL_SIZE: "25", PORT: "8080", FACTDESK_SKIP_DEMO: "1", DATABASE_URL: "postgresql://u:p@db:5432/x", HOME: "/root" });
    expect(env).toMatchObject({ DATABASE_POOL_SIZE: 25, PORT: 8080, FACTDESK_SKIP_DEMO: true, DATABASE_URL: "postgresql://u:p@db:5432/x" });
    expect(env).not.toHaveProperty("HOME");
  });

  it.each([
    ["DATABASE_POOL_SIZE", "abc", "DATABASE_POOL_SIZE must be a whole number from 1 to 1000"],
    ["DATABASE_POOL_SIZE", "0", "DATABASE_POOL_SIZE must be a whole number from 1 to 1000"],
    ["DATABASE_POOL_SIZE", "2.5", "DATABASE_POOL_SIZE must be a whole number from 1 to 1000"],
    ["PORT", "70000", "PORT must be a whole number from 1 to 65535"],
    ["NEXTAUTH_URL", "not-a-url", "NEXTAUTH_URL must be the http(s) origin browsers use"],
    ["NEXTAUTH_URL", "ftp://factdesk.example.org", "NEXTAUTH_URL must be the http(s) origin browsers use"],
    ["DATABASE_URL", "mysql://db/x", "DATABASE_URL must be a postgres:// URL"],
    ["ADMIN_EMAIL", "admin", "ADMIN_EMAIL must be an email address"],
    ["FACTDESK_SKIP_DEMO", "maybe", "FACTDESK_SKIP_DEMO must be 1 or 0"],
  ])("refuses %s=%s, naming it and what it expects", (name, value, message) => {
    expect(() => parseEnv({ [name]: value })).toThrow(InvalidEnvironmentError);
    expect(() => parseEnv({ [name]: value })).toThrow(message);
  });

  it("names every bad variable at once, without echoing values (they may be secrets)", () => {
    const parse = () => parseEnv({ DATABASE_POOL_SIZE: "abc", DATABASE_URL: "mysql://user:hunter2@db/x" });
    expect(parse).toThrow("DATABASE_POOL_SIZE must be");
    expect(parse).toThrow("DATABASE_URL must be");
    expect(parse).not.toThrow(/hunter2/);
  });
});
