import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Meeting } from "../../../shared/schemas/meetings.ts";
import { describeError } from "../../ui/form/field-errors.ts";
import { useToast } from "../../ui/toast.tsx";
import { rememberMeeting } from "./api.ts";

/**
 * A one-click change to a meeting (cancel, reorder, remove an item…): the fresh meeting replaces the
 * cached one and a confirmation is announced; a refusal is announced with its reason.
 */
export function useMeetingAction<TVars = void>(
  action: (vars: TVars) => Promise<Meeting>,
  successMessage: string | null,
  options: { onSuccess?: () => void } = {},
) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (meeting) => {
      rememberMeeting(queryClient, meeting);
      if (successMessage) toast.success(successMessage);
      options.onSuccess?.();
    },
    onError: (error) => toast.error(describeError(error, t)),
  });
}
