import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { artifactKinds } from "../../../shared/schemas/work-enums.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TextField } from "../../ui/text-field.tsx";
import type { ExemplarFilters } from "./api.ts";

type Draft = { subject: string; gradeBand: string; standard: string; topic: string; kind: string };
const toDraft = (f: ExemplarFilters): Draft => ({
  subject: f.subject ?? "",
  gradeBand: f.gradeBand ?? "",
  standard: f.standard ?? "",
  topic: f.topic ?? "",
  kind: f.kind ?? "",
});
const clean = (v: string) => v.trim().slice(0, 60) || undefined;

/** The library's filters; applying them puts them in the URL (shareable, back-button safe). */
export function LibraryFilters({ filters }: { filters: ExemplarFilters }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(() => toDraft(filters));
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = () =>
    void navigate({
      to: "/exemplars",
      search: {
        subject: clean(draft.subject),
        gradeBand: draft.gradeBand || undefined,
        standard: clean(draft.standard),
        topic: clean(draft.topic),
        kind: (draft.kind || undefined) as ExemplarFilters["kind"],
      },
    });
  return (
    <search>
      <form
        className="exemplar-filters"
        aria-label={t("exemplars.filtersLabel")}
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <TextField
          label={t("exemplars.subjectLabel")}
          name="subject"
          value={draft.subject}
          onChange={set("subject")}
        />
        <SelectField
          label={t("exemplars.gradeBandLabel")}
          name="gradeBand"
          value={draft.gradeBand}
          onChange={set("gradeBand")}
          options={[{ value: "", label: t("exemplars.anyGradeBand") }, ...labels.gradeBandOptions]}
        />
        <TextField
          label={t("exemplars.standardLabel")}
          name="standard"
          value={draft.standard}
          onChange={set("standard")}
          description={t("exemplars.standardHint")}
        />
        <TextField
          label={t("exemplars.topicLabel")}
          name="topic"
          value={draft.topic}
          onChange={set("topic")}
        />
        <SelectField
          label={t("exemplars.kindLabel")}
          name="kind"
          value={draft.kind}
          onChange={set("kind")}
          options={[
            { value: "", label: t("exemplars.anyKind") },
            ...artifactKinds.map((k) => ({ value: k, label: t(`artifactKinds.${k}`) })),
          ]}
        />
        <div className="exemplar-filters__buttons">
          <Button type="submit" variant="secondary">
            {t("exemplars.apply")}
          </Button>
          <Button
            variant="quiet"
            onPress={() => {
              setDraft(toDraft({}));
              void navigate({ to: "/exemplars", search: {} });
            }}
          >
            {t("exemplars.clearFilters")}
          </Button>
        </div>
      </form>
    </search>
  );
}
