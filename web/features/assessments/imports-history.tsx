import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { DateTime, useFormat } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { Badge, EmptyState, QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { assessmentKey, deleteImport, importsKey, importsQuery, type ResultImport } from "./api.ts";

const tone = { completed: "success", failed: "danger", validating: "info" } as const;

/** Every import of the assessment, newest first, each with Delete (which removes the results it wrote). */
export function ImportsHistory({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const query = useQuery(importsQuery(assessmentId));
  return (
    <Section title={t("assessments.history.title")} id="imports">
      <QueryView query={query} loadingLabel={t("assessments.history.loading")}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t("assessments.history.emptyTitle")}>
              <p>{t("assessments.history.empty")}</p>
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption>{t("assessments.history.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("assessments.history.when")}</th>
                    <th scope="col">{t("assessments.history.file")}</th>
                    <th scope="col">{t("assessments.history.shape")}</th>
                    <th scope="col">{t("assessments.history.rowsRead")}</th>
                    <th scope="col">{t("assessments.history.rowsImported")}</th>
                    <th scope="col">{t("assessments.history.problems")}</th>
                    <th scope="col">{t("assessments.history.by")}</th>
                    <th scope="col">{t("assessments.history.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i) => (
                    <ImportRow key={i.id} assessmentId={assessmentId} item={i} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </Section>
  );
}

function ImportRow({ assessmentId, item: i }: { assessmentId: string; item: ResultImport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteImport(i.id),
    onSuccess: () => {
      setOpen(false);
      toast.success(t("assessments.history.deleted", { file: i.fileName }));
      void queryClient.invalidateQueries({ queryKey: importsKey(assessmentId) });
      void queryClient.invalidateQueries({ queryKey: assessmentKey(assessmentId), exact: true });
      void queryClient.invalidateQueries({ queryKey: ["community-assessments"] });
    },
  });
  const when = format.dateTime(i.createdAt);
  const status = i.status in tone ? (i.status as keyof typeof tone) : "validating";
  return (
    <tr>
      <td>
        <DateTime iso={i.createdAt} />
      </td>
      <td>
        {i.fileName} <Badge tone={tone[status]}>{t(`assessments.status.${status}`)}</Badge>
      </td>
      <td>{t(`assessments.shapeShort.${i.shape}`)}</td>
      <td>{i.rowsRead}</td>
      <td>{i.rowsImported}</td>
      <td>{i.problems.length}</td>
      <td>{i.createdByName ?? "—"}</td>
      <td>
        <Button
          size="small"
          variant="danger"
          onPress={() => setOpen(true)}
          accessibleName={t("assessments.history.deleteName", { file: i.fileName, when })}
        >
          {t("assessments.history.delete")}
        </Button>
        <ConfirmDialog
          title={t("assessments.history.confirmTitle")}
          isOpen={open}
          onOpenChange={setOpen}
          confirmLabel={t("assessments.history.confirm")}
          onConfirm={() => remove.mutate()}
          isPending={remove.isPending}
          destructive
          error={remove.isError ? describeError(remove.error, t) : null}
        >
          <p>{t("assessments.history.confirmBody", { file: i.fileName, when, count: i.rowsImported })}</p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}
