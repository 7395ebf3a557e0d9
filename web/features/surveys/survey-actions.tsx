import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Survey } from "../../../shared/schemas/surveys.ts";
import { newIdempotencyKey } from "../../api/client.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { archiveSurvey, copySurvey, rememberSurvey, surveyListQuery } from "./api.ts";

/** Send, Edit, Make a copy, Archive — each shown only when the server's `can` allows it. */
export function SurveyActions({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const { can } = survey;
  return (
    <>
      {can.send ? (
        <LinkButton to="/surveys/$surveyId/send" params={{ surveyId: survey.id }} variant="primary">
          {t("surveys.send")}
        </LinkButton>
      ) : null}
      {can.edit ? (
        <LinkButton to="/surveys/$surveyId/edit" params={{ surveyId: survey.id }} variant="secondary">
          {t("surveys.edit")}
        </LinkButton>
      ) : null}
      {can.copy ? <CopyButton survey={survey} /> : null}
      {can.archive ? <ArchiveButton survey={survey} /> : null}
    </>
  );
}

/**
 * Makes an editable copy and opens it in the builder. With one place to put it, at once; with more (the
 * district's library and communities, or several communities), a dialog asks where.
 */
function CopyButton({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const places = useQuery(surveyListQuery()).data?.places;
  const options = [
    ...(places?.district ? [{ value: "", label: t("surveys.copyPlaceDistrict") }] : []),
    ...(places?.communities ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<string | null>(null);
  // One key per copy: a retried request after a dropped connection still makes one copy.
  const key = useRef<string | null>(null);
  const copy = useMutation({
    mutationFn: (where: string) => {
      key.current ??= newIdempotencyKey();
      const title = t("surveys.copyOf", { title: survey.title });
      return copySurvey(survey.id, { communityId: where || null, title }, key.current);
    },
    onSuccess: (saved) => {
      key.current = null;
      setOpen(false);
      rememberSurvey(queryClient, saved);
      toast.success(t("surveys.copied"));
      void navigate({ to: "/surveys/$surveyId/edit", params: { surveyId: saved.id } });
    },
  });
  const chosen = place ?? options[0]?.value ?? "";
  const start = () => {
    if (options.length > 1) setOpen(true);
    else copy.mutate(chosen, { onError: (error) => toast.error(describeError(error, t)) });
  };
  return (
    <>
      <Button variant="secondary" isPending={copy.isPending && !open} onPress={start}>
        {t("surveys.copy")}
      </Button>
      <ConfirmDialog
        title={t("surveys.copyTitle", { title: survey.title })}
        isOpen={open}
        onOpenChange={(v) => {
          setOpen(v);
          if (!v) copy.reset();
        }}
        confirmLabel={t("surveys.copySubmit")}
        onConfirm={() => copy.mutate(chosen)}
        isPending={copy.isPending}
        error={copy.isError ? describeError(copy.error, t) : null}
      >
        <SelectField
          label={t("surveys.copyWhere")}
          description={t("surveys.copyWhereHint")}
          value={chosen}
          onChange={setPlace}
          options={options}
        />
      </ConfirmDialog>
    </>
  );
}

function ArchiveButton({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const archive = useMutation({
    mutationFn: () => archiveSurvey(survey.id, survey.version),
    onSuccess: (saved) => {
      setOpen(false);
      rememberSurvey(queryClient, saved);
      toast.success(t("surveys.archived"));
    },
  });
  return (
    <>
      <Button variant="quiet" onPress={() => setOpen(true)}>
        {t("surveys.archive")}
      </Button>
      <ConfirmDialog
        title={t("surveys.archiveTitle", { title: survey.title })}
        isOpen={open}
        onOpenChange={(v) => {
          setOpen(v);
          if (!v) archive.reset();
        }}
        confirmLabel={t("surveys.archiveConfirm")}
        onConfirm={() => archive.mutate()}
        isPending={archive.isPending}
        error={archive.isError ? describeError(archive.error, t) : null}
        destructive
      >
        <p>{t("surveys.archiveBody")}</p>
      </ConfirmDialog>
    </>
  );
}
