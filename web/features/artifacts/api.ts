import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type {
  Artifact,
  ArtifactSummary,
  ArtifactUpdate,
  ReflectionInput,
} from "../../../shared/schemas/artifacts.ts";
import type { Community } from "../../../shared/schemas/communities.ts";
import type { ArtifactKind } from "../../../shared/schemas/work-enums.ts";
import { ApiError, api, request, toApiError } from "../../api/client.ts";

export type { Artifact, ArtifactFile, ArtifactSummary } from "../../../shared/schemas/artifacts.ts";

const enc = encodeURIComponent;
type Page = { items: ArtifactSummary[]; nextCursor: string | null };

export const artifactKeys = {
  all: ["artifacts"] as const,
  community: (communityId: string, kind: string, archived: boolean) =>
    ["artifacts", "community", communityId, kind, archived] as const,
  one: (id: string) => ["artifacts", "one", id] as const,
  mine: ["artifacts", "mine"] as const,
};

export const communityArtifactsQuery = (communityId: string, kind: ArtifactKind | "", archived: boolean) =>
  infiniteQueryOptions({
    queryKey: artifactKeys.community(communityId, kind, archived),
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) =>
      api.get<Page>(`/api/v1/communities/${enc(communityId)}/artifacts`, {
        query: { kind, archived: archived ? 1 : undefined, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const myArtifactsQuery = () =>
  infiniteQueryOptions({
    queryKey: artifactKeys.mine,
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) =>
      api.get<Page>("/api/v1/artifacts", { query: { mine: 1, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Polls while a preview is being rendered, so thumbnails appear without a reload. */
export const artifactQuery = (id: string) =>
  queryOptions({
    queryKey: artifactKeys.one(id),
    queryFn: ({ signal }) => api.get<Artifact>(`/api/v1/artifacts/${enc(id)}`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.versions.some((v) => v.files.some((f) => f.previewStatus === "pending"))
        ? 1500
        : false,
  });

/**
 * Sends an upload as multipart/form-data: the details as the `data` part first, then the files, reporting
 * the share of bytes sent (XMLHttpRequest: fetch cannot tell upload progress). Failures become the same
 * ApiError the JSON client throws (with `errors[].path` such as `files.1`).
 */
export function upload(
  path: string,
  data: unknown,
  files: File[],
  idempotencyKey: string,
  onProgress?: (sent: number) => void,
): Promise<Artifact> {
  const body = new FormData();
  body.append("data", JSON.stringify(data));
  for (const file of files) body.append("files", file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("Accept", "application/json, application/problem+json");
    xhr.setRequestHeader("Idempotency-Key", idempotencyKey);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let parsed: unknown = xhr.responseText;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        // keep the text
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as Artifact);
      else reject(toApiError(xhr.status, xhr.statusText, parsed));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, title: "Network error" }));
    xhr.send(body);
  });
}

type Progress = (sent: number) => void;

export const shareArtifact = (
  communityId: string,
  data: unknown,
  files: File[],
  key: string,
  onProgress?: Progress,
) => upload(`/api/v1/communities/${enc(communityId)}/artifacts`, data, files, key, onProgress);

export const shareVersion = (id: string, data: unknown, files: File[], key: string, onProgress?: Progress) =>
  upload(`/api/v1/artifacts/${enc(id)}/versions`, data, files, key, onProgress);

export const updateArtifact = (id: string, input: ArtifactUpdate) =>
  api.patch<Artifact>(`/api/v1/artifacts/${enc(id)}`, input);

export const saveReflection = (id: string, input: ReflectionInput) =>
  request<Artifact>(`/api/v1/artifacts/${enc(id)}/reflection`, { method: "PUT", body: input });

export const setArchived = (id: string, archived: boolean) =>
  api.post<Artifact>(`/api/v1/artifacts/${enc(id)}/${archived ? "archive" : "restore"}`);

/** `files.2`, `links.0.url`, `standards.1` → the field that shows them (`files`, `links`, `standards`). */
export function collapseErrors(errors: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.replace(/\.\d+(\..*)?$/, "");
    if (!(field in out)) out[field] = message;
  }
  return out;
}

export function formatSize(bytes: number | null): string {
  if (bytes === null) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Who may share work here (mirrors canCreateIn): members and facilitators, and leaders who manage it. */
export const canShareIn = (c: Community) =>
  !c.archived &&
  ((c.myStatus === "active" && (c.myRole === "member" || c.myRole === "facilitator")) || c.can.edit);
