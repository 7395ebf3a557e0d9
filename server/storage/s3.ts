import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { digestOf } from "./local.ts";
import { checkKey, type Digest, MissingObjectError, type ObjectStore, type StoredObject } from "./store.ts";

export type S3Settings = {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** Local directory where uploads are received before they are sent to the bucket. */
  scratchDir?: string;
};

const PREFIX = "lamplight/";

/**
 * Objects in an S3-compatible bucket (AWS, MinIO, Garage, R2) under `lamplight/<key>`. A PUT is atomic, so
 * a half-sent object never exists. Not exercised by the test suite (it would need a real bucket).
 */
export class S3Store implements ObjectStore {
  readonly scratchDir: string;
  readonly description: string;
  private readonly client: S3Client;
  private readonly settings: S3Settings;

  constructor(settings: S3Settings) {
    this.settings = settings;
    this.scratchDir = settings.scratchDir ?? path.join(os.tmpdir(), "lamplight-uploads");
    this.description = `S3 bucket ${settings.bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ""}`;
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
      ...(settings.accessKeyId && settings.secretAccessKey
        ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
        : {}),
    });
  }

  async init(): Promise<this> {
    await mkdir(this.scratchDir, { recursive: true });
    return this;
  }

  private objectKey = (key: string) => PREFIX + checkKey(key);

  /** A stream of unknown length is received to a scratch file first: S3 needs the length up front. */
  async put(source: Readable, options: { contentType?: string } = {}): Promise<StoredObject> {
    const temp = path.join(this.scratchDir, `put-${randomBytes(12).toString("hex")}`);
    try {
      await pipeline(source, createWriteStream(temp, { flags: "wx" }));
      return await this.putFile(temp, options);
    } finally {
      await rm(temp, { force: true });
    }
  }

  async putFile(
    file: string,
    options: { contentType?: string; digest?: Digest } = {},
  ): Promise<StoredObject> {
    const digest = options.digest ?? (await digestOf(file));
    const size = digest.sizeBytes;
    const key = randomBytes(16).toString("hex");
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.objectKey(key),
        Body: createReadStream(file),
        ContentLength: size,
        ContentType: options.contentType ?? "application/octet-stream",
      }),
    );
    await rm(file, { force: true });
    return { key, ...digest };
  }

  async get(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new MissingObjectError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
    );
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
      );
      return true;
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey) return false;
      throw error;
    }
  }

  async *list(): AsyncIterable<{ key: string; modifiedAt: Date }> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: PREFIX, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key)
          yield { key: item.Key.slice(PREFIX.length), modifiedAt: item.LastModified ?? new Date() };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}
