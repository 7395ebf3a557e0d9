import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { artifactFiles, artifacts, artifactVersions } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import {
  type Actor,
  type CommunityFx,
  type CommunityTarget,
  community,
  ids,
  type Runnable,
  shared,
  spec,
  type Target,
  t,
} from "./matrix.ts";

/*
 * Work samples (features/artifacts/policy.ts). The fixture artifact belongs to the community's member
 * (teacher6) — in Lakeside to its member — and carries one stored text file with a ready preview.
 * Reading follows the community's read rule; student work is never shown to partners (its own grid).
 * Editing, new versions and the reflection are the owner's; archiving also the community's managers.
 */
export type ArtifactFx = CommunityFx & { artifactId: string; fileId: string; title: string; secret: string };

const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    Y    Y    Y    Y    Y    Y    H    A
  private        Y    Y    H    Y    Y    Y    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Student work: the same, except partners (H), whatever their membership. */
const studentWorkReaders = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    Y    Y    Y    H    Y    Y    H    A
  private        Y    Y    H    Y    Y    H    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Sharing work: members and facilitators, and the leaders who oversee the community. */
const creators = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    Y    F    F    F    H    A
  private        Y    Y    H    Y    Y    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** The presenter's own: the member owns the fixture (in Lakeside, no one of the cast does). */
const owner = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        F    F    F    F    Y    F    F    F    H    A
  private        F    F    H    F    Y    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    F    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Archiving and restoring: the owner and the community's managers. */
const archivers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    Y    F    F    F    H    A
  private        Y    Y    H    Y    Y    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const everyone = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  district       Y    Y    Y    Y    Y    Y    Y    Y    Y    A`;

type Options = { studentWork?: boolean; archived?: boolean };

/** An artifact with one stored file (and its preview) in the target's shared community. */
async function artifactIn(target: Target, actor: Actor, options: Options = {}): Promise<ArtifactFx> {
  const title = unique("Matrix work sample");
  const base = target === "nonexistent" ? await community(target, actor) : shared[target as CommunityTarget];
  if (target === "nonexistent")
    return { ...base, artifactId: newId(), fileId: newId(), title, secret: title };
  const orgId = target === "otherDistrict" ? ids.lakeside : ids.riverside;
  const artifactId = newId();
  const versionId = newId();
  const fileId = newId();
  const file = await t.store.put(Readable.from(Buffer.from(`${title} file`)));
  const preview = await t.store.put(Readable.from(Buffer.from("not really a png")));
  await t.db.insert(artifacts).values({
    id: artifactId,
    orgId,
    communityId: base.id,
    ownerId: base.memberId,
    title,
    kind: options.studentWork ? "student_work" : "lesson",
    containsStudentWork: options.studentWork ?? false,
    privacyAttestation: options.studentWork ? "consent_on_file" : null,
    archivedAt: options.archived ? new Date() : null,
  });
  await t.db
    .insert(artifactVersions)
    .values({ id: versionId, orgId, artifactId, number: 1, createdBy: base.memberId });
  await t.db.insert(artifactFiles).values({
    id: fileId,
    orgId,
    artifactId,
    versionId,
    position: 0,
    name: "notes.txt",
    storageKey: file.key,
    mediaType: "text/plain; charset=utf-8",
    sizeBytes: file.sizeBytes,
    previewKey: preview.key,
    previewStatus: "ready",
  });
  return { ...base, artifactId, fileId, title, secret: title };
}

const a = (fx: ArtifactFx, path = "") => `/api/v1/artifacts/${fx.artifactId}${path}`;
const row = async (fx: ArtifactFx) =>
  (await t.db.select().from(artifacts).where(eq(artifacts.id, fx.artifactId)))[0];
const link = { url: "https://docs.example.org/matrix", name: "Matrix link" };

export const artifactSpecs: Runnable[] = [
  spec<ArtifactFx>({
    routes: ["POST /api/v1/communities/:id/artifacts"],
    grid: creators,
    prepare: artifactIn,
    call: (actor, fx) =>
      actor.client.post(`/api/v1/communities/${fx.id}/artifacts`, {
        title: `${fx.title} (new)`,
        kind: "lesson",
        links: [link],
      }),
    changed: async (fx) =>
      (
        await t.db
          .select()
          .from(artifacts)
          .where(eq(artifacts.title, `${fx.title} (new)`))
      ).length === 1,
  }),
  spec<ArtifactFx>({
    routes: ["GET /api/v1/communities/:id/artifacts"],
    grid: readers,
    prepare: artifactIn,
    call: (actor, fx) => actor.client.get(`/api/v1/communities/${fx.id}/artifacts?limit=100`),
    verify: (outcome, { body }, fx) => {
      if (outcome === "Y") expect(body.items.map((i: { id: string }) => i.id)).toContain(fx.artifactId);
    },
  }),
  spec<ArtifactFx>({
    routes: ["GET /api/v1/communities/:id/artifacts"],
    grid: readers,
    prepare: (target, actor) => artifactIn(target, actor, { studentWork: true }),
    call: (actor, fx) => actor.client.get(`/api/v1/communities/${fx.id}/artifacts?limit=100`),
    verify: (outcome, { body }, fx, actor) => {
      if (outcome !== "Y") return;
      const listed = body.items.some((i: { id: string }) => i.id === fx.artifactId);
      expect(listed, "student work listed").toBe(actor.key !== "par");
    },
  }),
  spec<ArtifactFx>({
    routes: ["GET /api/v1/artifacts/:id"],
    grid: readers,
    prepare: artifactIn,
    call: (actor, fx) => actor.client.get(a(fx)),
    verify: (outcome, { body }, fx, actor) => {
      if (outcome !== "Y") return;
      expect(body.title).toBe(fx.title);
      expect(body.can.edit).toBe(actor.key === "mem");
    },
  }),
  spec<ArtifactFx>({
    routes: ["GET /api/v1/artifacts/:id"],
    grid: studentWorkReaders,
    prepare: (target, actor) => artifactIn(target, actor, { studentWork: true }),
    call: (actor, fx) => actor.client.get(a(fx)),
  }),
  spec<ArtifactFx>({
    routes: ["GET /api/v1/artifacts/:id/files/:fileId"],
    grid: studentWorkReaders,
    prepare: (target, actor) => artifactIn(target, actor, { studentWork: true }),
    call: (actor, fx) => actor.client.get(a(fx, `/files/${fx.fileId}`)),
    verify: (outcome, response, fx) => {
      if (outcome === "Y") expect(response.body).toBe(`${fx.title} file`);
    },
  }),
  spec<ArtifactFx>({
    routes: ["GET /api/v1/artifacts/:id/files/:fileId/preview"],
    grid: readers,
    prepare: artifactIn,
    call: (actor, fx) => actor.client.get(a(fx, `/files/${fx.fileId}/preview`)),
    verify: (outcome, response) => {
      if (outcome === "Y") expect(response.headers["content-type"]).toBe("image/png");
    },
  }),
  spec<ArtifactFx>({
    routes: ["PATCH /api/v1/artifacts/:id"],
    grid: owner,
    prepare: artifactIn,
    call: (actor, fx) => actor.client.patch(a(fx), { description: "Edited through the matrix." }),
    changed: async (fx) => (await row(fx))?.description === "Edited through the matrix.",
  }),
  spec<ArtifactFx>({
    routes: ["POST /api/v1/artifacts/:id/versions"],
    grid: owner,
    prepare: artifactIn,
    call: (actor, fx) =>
      actor.client.post(a(fx, "/versions"), { note: "Matrix version", keepFileIds: [fx.fileId] }),
    changed: async (fx) => (await row(fx))?.currentVersion === 2,
  }),
  spec<ArtifactFx>({
    routes: ["PUT /api/v1/artifacts/:id/reflection"],
    grid: owner,
    prepare: artifactIn,
    call: (actor, fx) =>
      actor.client.put(a(fx, "/reflection"), {
        reflection: "Matrix reflection",
        nextSteps: "",
        basedOn: null,
      }),
    changed: async (fx) => (await row(fx))?.reflection === "Matrix reflection",
  }),
  spec<ArtifactFx>({
    routes: ["POST /api/v1/artifacts/:id/archive"],
    grid: archivers,
    prepare: artifactIn,
    call: (actor, fx) => actor.client.post(a(fx, "/archive")),
    changed: async (fx) => (await row(fx))?.archivedAt != null,
  }),
  spec<ArtifactFx>({
    routes: ["POST /api/v1/artifacts/:id/restore"],
    grid: archivers,
    prepare: (target, actor) => artifactIn(target, actor, { archived: true }),
    call: (actor, fx) => actor.client.post(a(fx, "/restore")),
    changed: async (fx) => (await row(fx))?.archivedAt === null,
  }),
  spec<ArtifactFx & { secret: string }>({
    routes: ["GET /api/v1/artifacts"],
    grid: everyone,
    prepare: async (_target, actor) => {
      const fx = await artifactIn("visible", actor);
      return { ...fx, secret: "" };
    },
    call: (actor) => actor.client.get("/api/v1/artifacts?mine=1&limit=100"),
    verify: (outcome, { body }, fx, actor) => {
      if (outcome !== "Y") return;
      const ids = body.items.map((i: { id: string }) => i.id);
      expect(ids.includes(fx.artifactId)).toBe(actor.key === "mem");
      for (const item of body.items) expect(item.owner.id).toBe(actor.id);
    },
  }),
];
