import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { newIdempotencyKey } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { type CreateInput, createReflection, reflectionKeys } from "./api.ts";

/**
 * Starts a reflection (or, for a meeting or cycle already reflected on, opens the one that exists) and
 * goes to its editor. One key per press: a double click starts one.
 */
export function StartReflectionButton({
  communityId,
  input,
  label,
  variant = "secondary",
}: {
  communityId: string;
  input: CreateInput;
  label: string;
  variant?: "primary" | "secondary";
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = useRef<string | null>(null);
  const start = useMutation({
    mutationFn: () => {
      key.current ??= newIdempotencyKey();
      return createReflection(communityId, input, key.current);
    },
    onSuccess: (reflection) => {
      key.current = null;
      queryClient.setQueryData(reflectionKeys.one(reflection.id), reflection);
      void queryClient.invalidateQueries({ queryKey: reflectionKeys.list(communityId) });
      void navigate({ to: "/team-reflections/$reflectionId", params: { reflectionId: reflection.id } });
    },
  });
  return (
    <>
      <Button variant={variant} isPending={start.isPending} onPress={() => start.mutate()}>
        {label}
      </Button>
      {start.error ? (
        <p className="inline-error" role="alert">
          {describeError(start.error, t)}
        </p>
      ) : null}
    </>
  );
}
