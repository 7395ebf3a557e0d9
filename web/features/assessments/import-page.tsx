import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  type Assessment,
  type ImportReport,
  importOptionsSchema,
} from "../../../shared/schemas/assessments.ts";
import { newIdempotencyKey } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { describedBy, FieldFrame } from "../../ui/field-frame.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useField } from "../../ui/form/form-context.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page, Section } from "../../ui/page.tsx";
import { ErrorState, Loading, Notice } from "../../ui/states.tsx";
import {
  assessmentKey,
  assessmentQuery,
  communityAssessmentsKey,
  type ImportMode,
  type ImportPreview,
  importResults,
  importsKey,
  previewImport,
} from "./api.ts";
import { AssessmentNav } from "./assessment-nav.tsx";
import { BackLink } from "./assessment-page.tsx";
import { MappingForm } from "./import-mapping.tsx";
import { ImportReportView } from "./import-report.tsx";
import "./assessments.css";

/** Import results: choose a CSV → preview → mapping and mode → report (and, if refused, good rows only). */
export function ImportPage({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const query = useQuery(assessmentQuery(assessmentId));
  const a = query.data;
  return (
    <Page title={t("assessments.import.title")} eyebrow={a ? <BackLink assessment={a} /> : null}>
      {a ? (
        <>
          <AssessmentNav assessmentId={assessmentId} />
          <p className="lead">{t("assessments.import.lead", { title: a.title })}</p>
          {a.can.import ? <ImportFlow assessment={a} /> : <p>{t("assessments.import.noAccess")}</p>}
        </>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Loading label={t("assessments.overview.loading")} />
      )}
    </Page>
  );
}

type Done = {
  report: ImportReport;
  mode: ImportMode;
  mapping: z.infer<typeof importOptionsSchema>["mapping"];
};

function ImportFlow({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [attempt, setAttempt] = useState(0);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: importsKey(assessment.id) });
    void queryClient.invalidateQueries({ queryKey: assessmentKey(assessment.id), exact: true });
    if (assessment.communityId)
      void queryClient.invalidateQueries({ queryKey: communityAssessmentsKey(assessment.communityId) });
  };
  const choose = useFormSubmit({
    schema: z.object({ file: z.instanceof(File, { message: t("assessments.import.chooseFile") }) }),
    send: (data) => previewImport(assessment.id, data.file),
    onSuccess: (p) => setPreview(p),
  });
  const mapped = useFormSubmit({
    schema: importOptionsSchema,
    send: (data, key) => importResults(assessment.id, file as File, data.mapping, data.mode, key),
    onSuccess: (report, data) => {
      setDone({ report, mode: data.mode, mapping: data.mapping });
      refresh();
    },
  });
  // One key per refused report: a double press, or a retry after a network error, imports once.
  const retryKey = useRef<{ reportId: string; key: string } | null>(null);
  const retry = useMutation({
    mutationFn: (d: Done) => {
      if (retryKey.current?.reportId !== d.report.id)
        retryKey.current = { reportId: d.report.id, key: newIdempotencyKey() };
      return importResults(assessment.id, file as File, d.mapping, "good_rows_only", retryKey.current.key);
    },
    onSuccess: (report, d) => {
      setDone({ ...d, report, mode: "good_rows_only" });
      refresh();
    },
  });
  const startOver = () => {
    setFile(null);
    setPreview(null);
    setDone(null);
    setAttempt((n) => n + 1);
  };

  if (done)
    return (
      <>
        <ImportReportView
          assessmentId={assessment.id}
          report={done.report}
          mode={done.mode}
          onRetryGoodRows={
            done.report.status === "failed" &&
            done.mode === "all_or_nothing" &&
            !done.report.problems.some((p) => p.field === "file")
              ? () => retry.mutate(done)
              : null
          }
          retrying={retry.isPending}
          onAnotherFile={startOver}
        />
        {retry.isError ? (
          <p className="inline-error" role="alert">
            {describeError(retry.error, t)}
          </p>
        ) : null}
      </>
    );
  return (
    <>
      <Section title={t("assessments.import.step1")} id="choose">
        <Form id="import-file" form={choose} onSubmit={() => choose.submit({ file })} key={attempt}>
          <CsvInput
            onChange={(f) => {
              setFile(f);
              setPreview(null);
            }}
          />
          <FormActions>
            <Button type="submit" variant="primary" isPending={choose.isPending}>
              {t("assessments.import.preview")}
            </Button>
          </FormActions>
        </Form>
      </Section>
      {preview && file ? (
        <>
          <PreviewTable preview={preview} fileName={file.name} />
          <Section title={t("assessments.import.step2")} id="mapping">
            <MappingForm
              key={preview.headerSignature + file.name}
              assessment={assessment}
              preview={preview}
              form={mapped}
              onImport={(options) => mapped.submit(options)}
              onStartOver={startOver}
            />
          </Section>
        </>
      ) : null}
    </>
  );
}

function CsvInput({ onChange }: { onChange: (f: File | null) => void }) {
  const { t } = useTranslation();
  const field = useField("file", useId());
  return (
    <FieldFrame
      id={field.id}
      label={t("assessments.import.file")}
      description={t("assessments.import.fileHint")}
      error={field.error}
    >
      <input
        id={field.id}
        name="file"
        type="file"
        accept=".csv,.txt,text/csv"
        className="field__input"
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.id, true, field.error)}
      />
    </FieldFrame>
  );
}

const delimiterKey = { ",": "comma", ";": "semicolon", "\t": "tab" } as const;

function PreviewTable({ preview, fileName }: { preview: ImportPreview; fileName: string }) {
  const { t } = useTranslation();
  return (
    <Section title={t("assessments.import.previewTitle")} id="preview">
      <p>
        {t("assessments.import.previewFacts", {
          delimiter: t(`assessments.delimiters.${delimiterKey[preview.delimiter]}`),
          columns: preview.header.length,
        })}
      </p>
      {preview.header.length === 1 ? (
        <Notice tone="warning">
          <p>{t("assessments.import.oneColumn")}</p>
        </Notice>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <caption>
            {t("assessments.import.previewCaption", { file: fileName, count: preview.rows.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("assessments.import.lineCol")}</th>
              {preview.header.map((h, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: header cells may repeat; the position is the identity
                <th scope="col" key={n}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of a file, in order
              <tr key={r}>
                <th scope="row">{r + 2}</th>
                {row.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a row, in order
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
