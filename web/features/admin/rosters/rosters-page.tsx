import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { RosterImport } from "../../../../shared/schemas/rosters.ts";
import { rosterImportKinds } from "../../../../shared/schemas/student-enums.ts";
import { Button } from "../../../ui/button.tsx";
import { RadioGroupField } from "../../../ui/choice-fields.tsx";
import { describedBy, FieldFrame } from "../../../ui/field-frame.tsx";
import { Form, FormActions } from "../../../ui/form/form.tsx";
import { useField } from "../../../ui/form/form-context.tsx";
import { useFormSubmit } from "../../../ui/form/use-form-submit.ts";
import { DateTime } from "../../../ui/format.tsx";
import { Page, Section } from "../../../ui/page.tsx";
import { Badge, EmptyState, QueryView } from "../../../ui/states.tsx";
import { useMe } from "../../auth/me.ts";
import { NoAccess } from "../../shell/error-page.tsx";
import { rosterImportQuery, rosterImportsKey, rosterImportsQuery, uploadRoster } from "./api.ts";

const tone = { validating: "info", failed: "danger", completed: "success", deleted: "neutral" } as const;

/** The administrators' roster screen: import a OneRoster zip, read its report, see earlier imports. */
export function RostersPage({ importId }: { importId: string | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const [latest, setLatest] = useState<RosterImport | null>(null);
  if (!me.can.manageOrganization) return <NoAccess message={t("rosters.noAccess")} />;
  return (
    <Page title={t("rosters.title")} lead={<p>{t("rosters.lead")}</p>}>
      <Section title={t("rosters.uploadTitle")} id="upload">
        <UploadForm onDone={setLatest} />
      </Section>
      {importId && importId !== latest?.id ? (
        <StoredReport id={importId} />
      ) : latest ? (
        <Report report={latest} />
      ) : null}
      <History />
    </Page>
  );
}

function UploadForm({ onDone }: { onDone: (report: RosterImport) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string>("bulk");
  const form = useFormSubmit({
    schema: z.object({
      file: z.instanceof(File, { message: t("rosters.chooseFile") }),
      kind: z.enum(rosterImportKinds),
    }),
    send: (data, key) => uploadRoster(data.file, data.kind, key),
    onSuccess: (report) => {
      onDone(report);
      void queryClient.invalidateQueries({ queryKey: rosterImportsKey });
    },
  });
  return (
    <Form id="roster-upload" form={form} onSubmit={() => form.submit({ file, kind })}>
      <ZipInput label={t("rosters.file")} description={t("rosters.fileHint")} onChange={setFile} />
      <RadioGroupField
        label={t("rosters.kind")}
        name="kind"
        value={kind}
        onChange={setKind}
        options={[
          { value: "bulk", label: t("rosters.kinds.bulk"), description: t("rosters.kinds.bulkHint") },
          { value: "delta", label: t("rosters.kinds.delta"), description: t("rosters.kinds.deltaHint") },
        ]}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("rosters.submit")}
        </Button>
      </FormActions>
    </Form>
  );
}

function ZipInput({
  label,
  description,
  onChange,
}: {
  label: string;
  description: string;
  onChange: (f: File | null) => void;
}) {
  const field = useField("file", useId());
  return (
    <FieldFrame id={field.id} label={label} description={description} error={field.error}>
      <input
        id={field.id}
        name="file"
        type="file"
        accept=".zip,application/zip"
        className="field__input"
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.id, true, field.error)}
      />
    </FieldFrame>
  );
}

function StoredReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery(rosterImportQuery(id));
  return (
    <QueryView query={query} loadingLabel={t("rosters.loading")}>
      {(report) => <Report report={report} />}
    </QueryView>
  );
}

function Report({ report }: { report: RosterImport }) {
  const { t } = useTranslation();
  const counts = Object.entries(report.counts).filter(([key]) => key !== "problems");
  const total = report.counts.problems ?? report.problems.length;
  return (
    <Section title={t("rosters.reportTitle")} id="report">
      <p role="status">
        <Badge tone={tone[report.status]}>{t(`rosters.status.${report.status}`)}</Badge>{" "}
        {report.status === "completed"
          ? t("rosters.imported")
          : report.status === "failed"
            ? t("rosters.failed")
            : null}{" "}
        {report.fileName} · {t(`rosters.kindName.${report.kind}`)} · <DateTime iso={report.createdAt} />
      </p>
      {counts.length ? (
        <table className="table">
          <caption>{t("rosters.countsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rosters.what")}</th>
              <th scope="col">{t("rosters.howMany")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map(([key, n]) => (
              <tr key={key}>
                <th scope="row">{t(`rosters.counts.${key}`, { defaultValue: key })}</th>
                <td>{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.problems.length ? (
        <>
          <h3>{t("rosters.problemsTitle", { count: total })}</h3>
          {total > report.problems.length ? (
            <p>{t("rosters.problemsMore", { shown: report.problems.length, count: total })}</p>
          ) : null}
          <table className="table">
            <caption>{t("rosters.problemsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rosters.fileCol")}</th>
                <th scope="col">{t("rosters.line")}</th>
                <th scope="col">{t("rosters.field")}</th>
                <th scope="col">{t("rosters.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p) => (
                <tr key={`${p.file}-${p.line}-${p.field}-${p.message}`}>
                  <td>{p.file}</td>
                  {/* A problem of the whole file (a missing file, a manifest entry) has no line. */}
                  <td>{p.line || t("rosters.wholeFile")}</td>
                  <td>{p.field}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Section>
  );
}

function History() {
  const { t } = useTranslation();
  const query = useQuery(rosterImportsQuery);
  return (
    <Section title={t("rosters.historyTitle")} id="history">
      <QueryView query={query} loadingLabel={t("rosters.loading")}>
        {(data) =>
          data.imports.length === 0 ? (
            <EmptyState title={t("rosters.emptyTitle")}>
              <p>{t("rosters.emptyHint")}</p>
            </EmptyState>
          ) : (
            <table className="table">
              <caption>{t("rosters.historyCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rosters.when")}</th>
                  <th scope="col">{t("rosters.fileName")}</th>
                  <th scope="col">{t("rosters.kind")}</th>
                  <th scope="col">{t("rosters.result")}</th>
                </tr>
              </thead>
              <tbody>
                {data.imports.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link to="/admin/rosters" search={{ import: i.id }} resetScroll={false}>
                        <DateTime iso={i.createdAt} />
                      </Link>
                    </td>
                    <td>{i.fileName}</td>
                    <td>{t(`rosters.kindName.${i.kind}`)}</td>
                    <td>{t(`rosters.status.${i.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </Section>
  );
}
