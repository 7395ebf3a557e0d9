import path from "node:path";
import { z } from "zod";
import type { StorageConfig } from "./storage/index.ts";

/** Every setting Lamplight reads from the environment, with its default and meaning (shown by `--help`). */
export const settings = [
  ["PORT", "3000", "TCP port the web server listens on"],
  ["HOST", "127.0.0.1", "address to listen on (0.0.0.0 to accept connections from other machines)"],
  [
    "DATA_DIR",
    "./data",
    "where the embedded PostgreSQL keeps its files, and uploads (STORAGE=local) in files/",
  ],
  ["EMBEDDED_PG_PORT", "5433", "port of the embedded PostgreSQL (unused with DATABASE_URL)"],
  [
    "DATABASE_URL",
    "",
    "an external PostgreSQL (postgres://user:pass@host/db); when set, no embedded one starts",
  ],
  ["SMTP_URL", "", "mail server (smtp://user:pass@host:587); when unset, mail is kept in the in-app outbox"],
  ["MAIL_FROM", "Lamplight <lamplight@localhost>", "sender address of invitations and password resets"],
  [
    "PUBLIC_URL",
    "http://localhost:PORT",
    "the address people use to reach Lamplight; links in mail start with it",
  ],
  ["AUTH_SECRET", "(generated once, kept in the database)", "secret that signs session cookies"],
  [
    "TRUST_PROXY",
    "false",
    "true behind a reverse proxy: client addresses (rate limits, audit) from X-Forwarded-For",
  ],
  [
    "SIGN_IN_RATE_LIMIT",
    "30",
    "sign-in attempts allowed per client address per minute (a school behind one address shares it)",
  ],
  ["NODE_ENV", "development", "production never seeds demo accounts unless asked (lamplight seed --demo)"],
  ["LOG_LEVEL", "info", "fatal | error | warn | info | debug | trace | silent"],
  [
    "STORAGE",
    "local",
    "where uploaded files are kept: local (DATA_DIR/files) or s3 (an S3-compatible bucket)",
  ],
  ["S3_ENDPOINT", "", "the S3-compatible service's URL (MinIO, Garage, R2); unset for AWS itself"],
  ["S3_BUCKET", "", "the bucket (required with STORAGE=s3)"],
  ["S3_REGION", "us-east-1", "the bucket's region"],
  ["S3_ACCESS_KEY_ID", "", "access key for the bucket (unset: the AWS SDK's usual credential chain)"],
  ["S3_SECRET_ACCESS_KEY", "", "secret of that access key"],
  ["FILE_SIZE_LIMIT_MB", "25", "largest file a person may upload, in megabytes"],
] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  TRUST_PROXY: z.enum(["true", "false"], { message: "must be true or false" }).default("false"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("Lamplight <lamplight@localhost>"),
  PUBLIC_URL: z.url("must be a full URL such as https://lamplight.district.org").optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  STORAGE: z.enum(["local", "s3"], { message: "must be local or s3" }).default("local"),
  S3_ENDPOINT: z.url("must be a full URL such as https://minio.district.org").optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  FILE_SIZE_LIMIT_MB: z.coerce.number().int().min(1).max(2048).default(25),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  embeddedPgPort: number;
  trustProxy: boolean;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  authSecret: string | undefined;
  signInPerMinute: number;
  env: "development" | "production" | "test";
  logLevel: string;
  storage: StorageConfig;
  fileSizeLimitBytes: number;
};

/** Parses the environment once; throws a message that names each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Lamplight cannot start: check these environment variables:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    trustProxy: e.TRUST_PROXY === "true",
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    authSecret: e.AUTH_SECRET,
    signInPerMinute: e.SIGN_IN_RATE_LIMIT,
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    storage: {
      storage: e.STORAGE,
      dataDir: path.resolve(e.DATA_DIR),
      s3: {
        endpoint: e.S3_ENDPOINT,
        bucket: e.S3_BUCKET,
        region: e.S3_REGION,
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      },
    },
    fileSizeLimitBytes: e.FILE_SIZE_LIMIT_MB * 1024 * 1024,
  };
}
