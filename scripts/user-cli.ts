/**
 * Operator CLI: `npm run user -- <command> [options]`. Runs the same services as the app, as the
 * "system" actor, against DATABASE_URL or the embedded database in ./.data. With the embedded
 * database it refuses to run while the server holds the data folder (PGlite allows one process).
 */
import { parseArgs } from "node:util";
import { openConfiguredDatabase, type DatabaseHandle } from "@/db/client";
import { EmbeddedDatabaseBusyError } from "@/db/embedded-lock";
import { DomainError } from "@/server/errors";
import type { ServiceContext } from "@/server/services/context";
import { createUser } from "@/server/services/user/create-user";
import { deactivateUser, setUserRole } from "@/server/services/user/change-user-access";
import { requireUserIdByEmail } from "@/server/services/user/find-user";
import { listUsers } from "@/server/services/user/list-users";
import { resetPassword } from "@/server/services/user/reset-password";
import { ZodError } from "zod";

const USAGE = `Usage: npm run user -- <command> [options]
  help, --help, -h   show this text
  create --email E --role reader|editor|admin [--name N] --password-stdin
  set-role --email E --role reader|editor|admin
  deactivate --email E
  reset-password --email E --password-stdin
  list
The password is read from standard input (e.g. printf '%s' "$PW" | npm run user -- create ...), never from arguments,
so it does not end up in shell history or the process list.`;

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError("--password-stdin expects the password on standard input (pipe it in).");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`Missing ${flag}.`);
  return value;
}

async function run(ctx: ServiceContext, command: string | undefined, flags: Record<string, string | boolean | undefined>) {
  const email = flags.email as string | undefined;
  const role = flags.role as "reader" | "editor" | "admin" | undefined;
  switch (command) {
    case "create": {
      if (!flags["password-stdin"]) throw new UsageError("create needs --password-stdin.");
      const password = await readStdin();
      const user = await createUser(ctx, { email: need(email, "--email"), role: need(role, "--role") as never, name: (flags.name as string) || need(email, "--email").split("@")[0]!, password });
      return `Created ${user.role} ${user.email} (id ${user.id}).`;
    }
    case "set-role": {
      const user = await setUserRole(ctx, { userId: await requireUserIdByEmail(ctx.db, need(email, "--email")), role: need(role, "--role") as never });
      return `${user.email} is now ${user.role}; their existing sessions end on their next request.`;
    }
    case "deactivate": {
      const user = await deactivateUser(ctx, { userId: await requireUserIdByEmail(ctx.db, need(email, "--email")) });
      return `Deactivated ${user.email}; their existing sessions end on their next request.`;
    }
    case "reset-password": {
      if (!flags["password-stdin"]) throw new UsageError("reset-password needs --password-stdin.");
      const password = await readStdin();
      const user = await resetPassword(ctx, { userId: await requireUserIdByEmail(ctx.db, need(email, "--email")), password });
      return `New password set for ${user.email}; their existing sessions end on their next request.`;
    }
    case "list": {
      const rows = await listUsers(ctx);
      return rows.map((u) => `${String(u.id).padStart(4)}  ${u.role.padEnd(6)}  ${u.active ? "active     " : "deactivated"}  ${u.email}  (${u.name})`).join("\n") || "No users.";
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : "Name a command.");
  }
}

async function main(): Promise<number> {
  let handle: DatabaseHandle | undefined;
  try {
    const { positionals, values } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
    // Asking for help is not a mistake: the usage alone, on stdout, before any database is opened.
    if (values.help || positionals[0] === "help") {
      console.log(USAGE);
      return 0;
    }
    handle = await openConfiguredDatabase();
    await handle.migrate();
    console.log(await run({ db: handle.db, actor: { kind: "system", label: "user CLI" } }, positionals[0], values));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof EmbeddedDatabaseBusyError || error instanceof DomainError) console.error(error.message);
    else if (error instanceof ZodError) console.error(error.issues.map((i) => i.message).join("\n"));
    else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) console.error(`${error.message}\n\n${USAGE}`);
    else throw error;
    return error instanceof EmbeddedDatabaseBusyError ? 3 : 2;
  } finally {
    await handle?.close();
  }
}

process.exitCode = await main();
