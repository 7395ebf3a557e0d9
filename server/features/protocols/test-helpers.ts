import type { ProtocolDefinitionInput } from "../../../shared/protocols/definition.ts";
import { type Client, PUBLIC_URL, type Response, type TestApp } from "../../test/app.ts";

/** PUT through the whole HTTP pipeline (the shared test client has no put). */
export async function put(t: TestApp, client: Client, url: string, body: unknown): Promise<Response> {
  const response = await t.app.inject({
    method: "PUT",
    url,
    headers: { cookie: client.cookie, origin: PUBLIC_URL, "content-type": "application/json" },
    payload: JSON.stringify(body),
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

/** A small valid protocol a test can vary. */
export const draft = (overrides: Partial<ProtocolDefinitionInput> = {}): ProtocolDefinitionInput => ({
  name: "Quick feedback round",
  purpose: "feedback_on_work",
  summary: "A short round of feedback on a lesson plan.",
  whenToUse: "When there are twenty minutes left.",
  groupSize: { min: 3, max: 8 },
  roles: ["facilitator", "presenter", "participants"],
  steps: [
    { title: "Share", minutes: 5, speakers: ["presenter"], silent: ["participants"], captures: "nothing" },
    {
      title: "Feedback",
      minutes: 10,
      speakers: ["participants"],
      silent: ["presenter"],
      prompts: ["I liked…", "I wonder…"],
      captures: "warm_feedback",
      anonymity: "optional",
    },
  ],
  ...overrides,
});

/** The field paths of a problem+json answer, sorted. */
export const paths = (response: Response): string[] =>
  (response.body.errors as { path: string }[]).map((e) => e.path).sort();
