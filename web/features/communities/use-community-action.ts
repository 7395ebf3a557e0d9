import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Community } from "../../../shared/schemas/communities.ts";
import { describeError } from "../../ui/form/field-errors.ts";
import { useToast } from "../../ui/toast.tsx";
import { rememberCommunity } from "./api.ts";

/**
 * A one-click change to a community (join, archive, approve…): on success the fresh community replaces the
 * cached one and a confirmation is announced; on failure the reason is announced.
 */
export function useCommunityAction<TVars = void>(
  communityId: string,
  action: (vars: TVars) => Promise<Community | undefined>,
  successMessage: (community: Community | undefined, vars: TVars) => string,
  options: { onSuccess?: (community: Community | undefined) => void; toastErrors?: boolean } = {},
) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (community, vars) => {
      rememberCommunity(queryClient, community, communityId);
      toast.success(successMessage(community, vars));
      options.onSuccess?.(community);
    },
    onError: (error) => {
      if (options.toastErrors !== false) toast.error(describeError(error, t));
    },
  });
}
