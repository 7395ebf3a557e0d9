import { parseArgs } from "node:util";
import { buildApp } from "./app.ts";
import { loadConfig, settings } from "./config.ts";
import { DEMO_PASSWORD } from "./db/seed/demo-data.ts";
import { isEmpty, seedDemo } from "./db/seed/seed.ts";
import { loadAuthSecret } from "./http/auth/secret.ts";
import { MailDelivery } from "./mail/delivery.ts";
import { openDatabase, startClusterBus } from "./runtime.ts";
import { openStore } from "./storage/index.ts";

const HELP = `lamplight — professional learning communities, self-hosted

Usage:
  lamplight start          start the web server (applies migrations; seeds the demo districts on an empty database, except in production)
  lamplight migrate        apply database migrations and exit
  lamplight seed --demo    add the demo districts (Riverside Unified, Lakeside Schools) if they are missing
  lamplight --help         this text

Settings (environment variables):
${settings.map(([name, def, what]) => `  ${name.padEnd(19)} ${what}${def ? ` (default: ${def})` : ""}`).join("\n")}
`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, demo: { type: "boolean" } },
  });
  const command = positionals[0];
  if (values.help || !command || command === "help") {
    process.stdout.write(HELP);
    return;
  }
  const config = loadConfig();
  if (command === "migrate") {
    const database = await openDatabase(config);
    await database.close();
    console.log("Migrations applied.");
    return;
  }
  if (command === "seed") {
    if (!values.demo) throw new Error("Say what to seed: lamplight seed --demo");
    const database = await openDatabase(config);
    const created = await seedDemo(database.db, await openStore(config.storage));
    await database.close();
    console.log(created.length ? `Seeded: ${created.join(", ")}.` : "The demo districts already exist.");
    return;
  }
  if (command === "start") return start(config);
  throw new Error(`Unknown command "${command}". Run lamplight --help.`);
}

async function start(config: ReturnType<typeof loadConfig>) {
  const database = await openDatabase(config);
  const store = await openStore(config.storage);
  let seeded = false;
  if (config.env !== "production" && (await isEmpty(database.db))) {
    await seedDemo(database.db, store);
    seeded = true;
  }
  const warn = { warn: (o: unknown, m?: string) => console.warn(m, o) };
  const mail = new MailDelivery(database.db, config.smtpUrl, config.mailFrom, warn);
  const cluster = await startClusterBus(database, warn);
  const app = await buildApp({
    db: database.db,
    publicUrl: config.publicUrl,
    authSecret: await loadAuthSecret(database.db, config.authSecret),
    mail,
    logLevel: config.logLevel,
    signInPerMinute: config.signInPerMinute,
    trustProxy: config.trustProxy,
    live: { bus: cluster.bus },
    files: { store, sizeLimitBytes: config.fileSizeLimitBytes },
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await cluster.close();
    await database.close();
    throw error;
  }
  mail.start();
  const where = config.databaseUrl
    ? "PostgreSQL at DATABASE_URL"
    : `embedded PostgreSQL in ${config.dataDir}`;
  console.log(`\nLamplight is running at ${config.publicUrl} (${where}).`);
  if (seeded || config.env !== "production") {
    console.log(
      `Demo sign-in: coach@riverside.example (or admin@, teacher1@ … teacher8@, principal@, parent@, partner@) — password "${DEMO_PASSWORD}".`,
    );
  }
  if (!config.smtpUrl)
    console.log("No SMTP_URL: invitations and password resets are kept in the outbox (Admin → Outbox).");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await mail.stop();
    await cluster.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
