import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { standardContentSchema } from "../../../shared/reflection/standard.ts";
import { cycleContentSchema, meetingContentSchema } from "../../../shared/reflection/team-prompts.ts";
import { isApiError } from "../../api/client.ts";
import { FORM_LEVEL } from "../../ui/form/field-errors.ts";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { useToast } from "../../ui/toast.tsx";
import { reflectionKeys, reflectionQuery, saveReflection, type TeamReflection } from "./api.ts";

const contentSchemas = {
  standard: standardContentSchema,
  meeting: meetingContentSchema,
  cycle: cycleContentSchema,
} as const;

/**
 * The editor's state: the text the person is writing, the version it was based on, and a conflict when
 * someone saved first. On a conflict the person's text stays in the form; "reload" swaps in the saved one.
 */
export function useReflectionForm(reflection: TeamReflection) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [content, setContent] = useState<Record<string, unknown>>(reflection.content);
  const [version, setVersion] = useState(reflection.version);
  const [conflict, setConflict] = useState<TeamReflection | "unknown" | null>(null);
  const schema = z.object({ content: contentSchemas[reflection.kind], version: z.number() });
  const form = useFormSubmit({
    schema,
    send: (data) => saveReflection(reflection.id, data.content, data.version),
    onSuccess: (saved) => {
      queryClient.setQueryData(reflectionKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: reflectionKeys.list(saved.communityId) });
      setContent(saved.content);
      setVersion(saved.version);
      setConflict(null);
      toast.success(t("teamReflections.saved"));
    },
    mapError: (error) => {
      if (!isApiError(error) || error.status !== 409) return undefined;
      setConflict("unknown");
      // Who saved and when, read fresh; the form keeps the person's own text.
      void queryClient
        .fetchQuery({ ...reflectionQuery(reflection.id), staleTime: 0 })
        .then((latest) => setConflict(latest))
        .catch(() => undefined);
      return { [FORM_LEVEL]: t("teamReflections.conflictTitle") };
    },
  });
  const reload = () => {
    if (conflict && conflict !== "unknown") {
      setContent(conflict.content);
      setVersion(conflict.version);
    }
    setConflict(null);
    form.clearErrors();
  };
  return {
    form,
    content,
    setContent,
    conflict,
    reload,
    submit: () => form.submit({ content, version }),
  };
}

/** Sets `value` at `path` in a nested plain object, copying along the way (state stays immutable). */
export function setIn(
  target: Record<string, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return target;
  const child = (target[head] ?? {}) as Record<string, unknown>;
  return { ...target, [head]: rest.length ? setIn(child, rest, value) : value };
}

export function getIn(target: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], target);
}
