import { readdir } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactFiles, artifacts } from "../../db/schema/index.ts";
import { PUBLIC_URL, startTestApp, type TestApp } from "../../test/app.ts";
import { sweepOrphans } from "./sweeper.ts";
import * as files from "./test-files.ts";
import { multipart, type Part } from "./test-files.ts";

let t: TestApp;
let teamId: string;
const TEACHER = "teacher1@riverside.example";
const meta = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    title: "Ratio quiz",
    kind: "assessment",
    focusingQuestion: "What am I really assessing?",
    ...extra,
  });

async function upload(email: string, url: string, parts: Part[], headers: Record<string, string> = {}) {
  const client = await t.as(email);
  const { body, contentType } = multipart(parts);
  const response = await t.app.inject({
    method: "POST",
    url,
    payload: body,
    headers: { cookie: client.cookie, origin: PUBLIC_URL, "content-type": contentType, ...headers },
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}
const share = (parts: Part[], headers?: Record<string, string>) =>
  upload(TEACHER, `/api/v1/communities/${teamId}/artifacts`, parts, headers);
const file = (filename: string, content: Buffer | string, type?: string): Part => ({
  name: "files",
  filename,
  content,
  ...(type ? { type } : {}),
});

/** The stored objects once no preview is being rendered (previews are objects too). */
async function storedObjects() {
  await waitFor(
    () => t.db.select().from(artifactFiles).where(eq(artifactFiles.previewStatus, "pending")),
    (rows) => rows.length === 0,
  );
  const objects = path.join(t.store.root, "objects");
  const dirs = await readdir(objects);
  const all = await Promise.all(dirs.map((d) => readdir(path.join(objects, d))));
  return all.flat();
}
async function scratchFiles() {
  return readdir(t.store.scratchDir);
}
async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  t = await startTestApp();
  teamId = await t.communityId("Grade 7 Math Team");
});
afterAll(async () => t.close());

describe("uploading work samples", () => {
  it("accepts each kind of file, detected from its content whatever it is called", async () => {
    const cases: [string, Buffer | string, string][] = [
      ["quiz.pdf", await files.pdf(), "application/pdf"],
      ["photo.png", await files.image("png"), "image/png"],
      ["photo.jpg", await files.image("jpeg"), "image/jpeg"],
      ["anim.gif", await files.image("gif"), "image/gif"],
      ["pic.webp", await files.image("webp"), "image/webp"],
      ["plan.docx", files.docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["grades.xlsx", files.xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      [
        "slides.pptx",
        files.pptx(),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      ],
      ["notes.txt", "Exit ticket: ½ cup per ¾ cup — ¿cuánto?", "text/plain; charset=utf-8"],
      // The name lies; the content decides.
      ["not-really.txt", await files.pdf(), "application/pdf"],
    ];
    const response = await share([
      { name: "data", content: meta() },
      ...cases.map(([name, content]) => file(name, content, "application/x-whatever")),
    ]);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(
      response.body.files.map((f: { name: string; mediaType: string }) => [f.name, f.mediaType]),
    ).toEqual(cases.map(([name, , type]) => [name, type]));
    expect(response.body.focusingQuestion).toBe("What am I really assessing?");
    expect(response.body.versions).toHaveLength(1);
  });

  it.each([
    ["a renamed program", "quiz.pdf", files.elf(), /program, not a document/],
    ["a zip bomb dressed as a Word document", "plan.docx", files.zipBomb(), /zip bomb/],
    ["a zip that is not an Office document", "plan.docx", files.plainZip(), /Zip archives are not accepted/],
    ["text that is not UTF-8", "notes.txt", Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21]), /not valid UTF-8/],
    ["binary data called text", "notes.txt", Buffer.from("abc\u0000def"), /not plain text/],
    ["an empty file", "empty.pdf", Buffer.alloc(0), /empty/],
  ])("refuses %s, naming the file, and keeps nothing", async (_what, name, content, message) => {
    const before = await storedObjects();
    const response = await share([
      { name: "data", content: meta() },
      file("fine.txt", "a fine file"),
      file(name, content),
    ]);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: "files.1", message: expect.stringMatching(message) }]);
    expect(response.body.errors[0].message).toContain(name);
    expect(await storedObjects()).toEqual(before);
    expect(await scratchFiles()).toEqual([]);
  });

  it("refuses someone who may not share here before storing anything", async () => {
    const before = await storedObjects();
    const { body, contentType } = multipart([
      { name: "data", content: meta() },
      file("quiz.pdf", await files.pdf()),
    ]);
    const outsider = await t.as("teacher3@riverside.example");
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/communities/${teamId}/artifacts`,
      payload: body,
      headers: { cookie: outsider.cookie, origin: PUBLIC_URL, "content-type": contentType },
    });
    expect(response.statusCode).toBe(403);
    expect(await storedObjects()).toEqual(before);
    expect(await scratchFiles()).toEqual([]);
  });

  it("refuses a file over the size limit with 413 naming it", async () => {
    const before = await storedObjects();
    const response = await share([
      { name: "data", content: meta() },
      file("huge.txt", "a".repeat(5 * 1024 * 1024 + 10)),
    ]);
    expect(response.status, JSON.stringify(response.body)).toBe(413);
    expect(response.body.errors).toEqual([
      { path: "files.0", message: "huge.txt is larger than 5 MB; upload a smaller file." },
    ]);
    expect(await storedObjects()).toEqual(before);
  });

  it("refuses more than ten files at once", async () => {
    const before = await storedObjects();
    const many = Array.from({ length: 11 }, (_, i) => file(`n${i}.txt`, `note ${i}`));
    const response = await share([{ name: "data", content: meta() }, ...many]);
    expect(response.status).toBe(413);
    expect(response.body.errors[0]).toEqual({ path: "files", message: "Upload at most 10 files at a time." });
    expect(await storedObjects()).toEqual(before);
  });

  it("cleans path tricks and control characters out of names; keys never come from them", async () => {
    const response = await share([
      { name: "data", content: meta() },
      file("../../etc/passwd.txt", "one"),
      file("..\\..\\windows\\evil\u202Etxt.exe.txt", "two"),
      file("..", "three"),
      file(`${"long".repeat(60)}.txt`, "four"),
    ]);
    expect(response.status).toBe(201);
    const names = response.body.files.map((f: { name: string }) => f.name);
    expect(names.slice(0, 3)).toEqual(["passwd.txt", "eviltxt.exe.txt", "file"]);
    expect(names[3]).toHaveLength(120);
    expect(names[3].endsWith(".txt")).toBe(true);
    const rows = await t.db
      .select()
      .from(artifactFiles)
      .where(eq(artifactFiles.artifactId, response.body.id));
    for (const row of rows) expect(row.storageKey).toMatch(/^[0-9a-f]{32}$/);
  });

  it("refuses student work without the privacy attestation, naming the field, and stores nothing", async () => {
    const before = await storedObjects();
    const response = await share([
      { name: "data", content: meta({ kind: "student_work", containsStudentWork: true }) },
      file("work.txt", "essay"),
    ]);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(["privacyAttestation"]);
    expect(await storedObjects()).toEqual(before);
  });

  it("accepts https links only", async () => {
    const bad = await share([
      {
        name: "data",
        content: meta({
          kind: "video_link",
          links: [{ url: "javascript:alert(1)" }, { url: "http://video.example.org/x" }],
        }),
      },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(["links.0.url", "links.1.url"]);
    const good = await share([
      {
        name: "data",
        content: meta({
          kind: "video_link",
          links: [{ url: "https://video.example.org/lesson-3", name: "Lesson 3" }],
        }),
      },
    ]);
    expect(good.status).toBe(201);
    expect(good.body.files[0]).toMatchObject({
      kind: "link",
      url: "https://video.example.org/lesson-3",
      name: "Lesson 3",
      downloadUrl: null,
    });
  });

  it("stores a retried upload once (same Idempotency-Key)", async () => {
    const key = `upload-${Date.now()}`;
    const parts = [
      { name: "data", content: meta({ title: "Retried quiz" }) },
      file("quiz.pdf", await files.pdf()),
    ];
    const first = await share(parts, { "idempotency-key": key });
    const objects = await storedObjects();
    const second = await share(parts, { "idempotency-key": key });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.id).toBe(first.body.id);
    expect(await storedObjects()).toEqual(objects);
    expect(await t.db.select().from(artifacts).where(eq(artifacts.title, "Retried quiz"))).toHaveLength(1);
  });

  it("leaves neither rows nor files when the connection drops halfway through an upload", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const port = (t.app.server.address() as { port: number }).port;
    const client = await t.as(TEACHER);
    const before = await storedObjects();
    const count = async () =>
      (await t.db.select().from(artifacts).where(eq(artifacts.title, "Dropped upload"))).length;
    const { body, contentType } = multipart([
      { name: "data", content: meta({ title: "Dropped upload" }) },
      file("first.txt", "a complete first file"),
      file("second.txt", "b".repeat(3 * 1024 * 1024)),
    ]);
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: `/api/v1/communities/${teamId}/artifacts`,
        headers: {
          cookie: client.cookie,
          origin: PUBLIC_URL,
          "content-type": contentType,
          "content-length": body.length,
        },
      });
      req.on("error", () => resolve());
      req.on("close", () => resolve());
      // The first file arrives whole (and is stored); the second is cut off in the middle.
      req.write(body.subarray(0, Math.floor(body.length * 0.6)), () => setTimeout(() => req.destroy(), 300));
    });
    const settled = await waitFor(scratchFiles, (list) => list.length === 0, 5000);
    expect(settled).toEqual([]);
    expect(await waitFor(storedObjects, (list) => list.length === before.length, 5000)).toEqual(before);
    expect(await count()).toBe(0);
  });

  it("answers an oversized upload over a real connection with the 413, not a dropped connection", async () => {
    const port = (t.app.server.address() as { port: number }).port;
    const client = await t.as(TEACHER);
    const { body, contentType } = multipart([
      { name: "data", content: meta({ title: "Too big over HTTP" }) },
      file("huge.txt", "z".repeat(8 * 1024 * 1024)),
    ]);
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/communities/${teamId}/artifacts`, {
      method: "POST",
      body: new Blob([new Uint8Array(body)]),
      headers: { cookie: client.cookie, origin: PUBLIC_URL, "content-type": contentType },
    });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].path).toBe("files.0");
  });

  it("sweeps stored objects that no row points at, and keeps the rest", async () => {
    const kept = await storedObjects();
    const orphan = await t.store.put((await import("node:stream")).Readable.from(Buffer.from("orphan")));
    const swept = await sweepOrphans(t.db, t.store, { graceMs: 0, now: Date.now() + 1000 });
    expect(swept.objects).toBe(1);
    expect(await t.store.exists(orphan.key)).toBe(false);
    expect((await storedObjects()).sort()).toEqual(kept.sort());
  });
});

describe("downloads and previews", () => {
  it("serves files as attachments with the detected type and nosniff, images inline on request", async () => {
    const made = await share([
      { name: "data", content: meta({ title: "Downloads" }) },
      file("Quiz «ratios» é.pdf", await files.pdf()),
      file("photo.png", await files.image("png")),
    ]);
    const client = await t.as("teacher2@riverside.example");
    const [pdfFile, png] = made.body.files;
    const pdfDownload = await t.app.inject({
      method: "GET",
      url: pdfFile.downloadUrl,
      headers: { cookie: client.cookie },
    });
    expect(pdfDownload.statusCode).toBe(200);
    expect(pdfDownload.headers["content-type"]).toBe("application/pdf");
    expect(pdfDownload.headers["x-content-type-options"]).toBe("nosniff");
    expect(pdfDownload.headers["content-disposition"]).toBe(
      `attachment; filename="Quiz _ratios_ _.pdf"; filename*=UTF-8''Quiz%20%C2%ABratios%C2%BB%20%C3%A9.pdf`,
    );
    expect(pdfDownload.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const inline = await t.app.inject({
      method: "GET",
      url: `${png.downloadUrl}?inline=1`,
      headers: { cookie: client.cookie },
    });
    expect(inline.headers["content-disposition"]).toMatch(/^inline;/);
    const pdfInline = await t.app.inject({
      method: "GET",
      url: `${pdfFile.downloadUrl}?inline=1`,
      headers: { cookie: client.cookie },
    });
    expect(pdfInline.headers["content-disposition"]).toMatch(/^attachment;/);
  });

  it("renders previews of images and a PDF's first page without holding up the upload", async () => {
    const made = await share([
      { name: "data", content: meta({ title: "Previews" }) },
      file("quiz.pdf", await files.pdf()),
      file("photo.jpg", await files.image("jpeg")),
      file("notes.txt", "no preview for text"),
    ]);
    expect(made.body.files.map((f: { previewStatus: string }) => f.previewStatus)).toEqual([
      "pending",
      "pending",
      "none",
    ]);
    const client = await t.as(TEACHER);
    const ready = await waitFor(
      () => client.get(`/api/v1/artifacts/${made.body.id}`),
      (r) => r.body.files.slice(0, 2).every((f: { previewStatus: string }) => f.previewStatus === "ready"),
    );
    expect(ready.body.files.map((f: { previewStatus: string }) => f.previewStatus)).toEqual([
      "ready",
      "ready",
      "none",
    ]);
    expect(ready.body.thumbnailUrl).toBe(ready.body.files[0].previewUrl);
    const preview = await t.app.inject({
      method: "GET",
      url: ready.body.files[0].previewUrl,
      headers: { cookie: client.cookie },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers["content-type"]).toBe("image/png");
    expect(preview.rawPayload.subarray(1, 4).toString()).toBe("PNG");
  });
});
