import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  MAX_COUNTED,
  MAX_SEARCH_QUERY,
  type SearchResponse,
  searchTypes,
} from "../../../shared/schemas/search.ts";
import { artifactKinds } from "../../../shared/schemas/work-enums.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { Form } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { TextField } from "../../ui/text-field.tsx";
import type { SearchFilters as Filters } from "./api.ts";

type Draft = { q: string; type: string; subject: string; gradeBand: string; standard: string; kind: string };
const toDraft = (f: Filters): Draft => ({
  q: f.q ?? "",
  type: f.type ?? "",
  subject: f.subject ?? "",
  gradeBand: f.gradeBand ?? "",
  standard: f.standard ?? "",
  kind: f.kind ?? "",
});

/** The words, the type and the filters; applying them puts them in the URL (shareable, back-button safe). */
export function SearchFilters({
  filters,
  counts,
}: {
  filters: Filters;
  counts: SearchResponse["counts"] | null;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(() => toDraft(filters));
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const schema = z.object({
    q: z
      .string()
      .trim()
      .min(1, { message: t("search.startTitle") })
      .max(MAX_SEARCH_QUERY),
    type: z.enum([...searchTypes, ""]),
    subject: z.string().trim().max(60),
    gradeBand: z.string(),
    standard: z.string().trim().max(60),
    kind: z.enum([...artifactKinds, ""]),
  });
  const form = useFormSubmit({
    schema,
    send: async (data) => data,
    onSuccess: (data) =>
      void navigate({
        to: "/search",
        search: {
          q: data.q,
          type: data.type || undefined,
          subject: data.subject || undefined,
          gradeBand: data.gradeBand || undefined,
          standard: data.standard || undefined,
          kind: data.kind || undefined,
        },
      }),
  });
  const typeLabel = (type: "all" | (typeof searchTypes)[number]) => {
    const name = t(`search.types.${type}`);
    if (!counts || type === "all") return name;
    const many = counts[type] >= MAX_COUNTED;
    return t(many ? "search.typeWithManyCount" : "search.typeWithCount", { type: name, count: counts[type] });
  };

  return (
    <search aria-label={t("search.filtersLandmark")}>
      <Form id="search-filters" form={form} onSubmit={() => form.submit(draft)} className="search-filters">
        <div className="search-filters__query">
          <TextField
            label={t("search.queryLabel")}
            name="q"
            type="search"
            value={draft.q}
            onChange={set("q")}
            description={t("search.queryHint")}
          />
        </div>
        <SelectField
          label={t("search.typeLabel")}
          name="type"
          value={draft.type}
          onChange={set("type")}
          options={[
            { value: "", label: typeLabel("all") },
            ...searchTypes.map((type) => ({ value: type, label: typeLabel(type) })),
          ]}
        />
        <TextField
          label={t("search.subjectLabel")}
          name="subject"
          value={draft.subject}
          onChange={set("subject")}
          description={t("search.subjectHint")}
        />
        <SelectField
          label={t("search.gradeBandLabel")}
          name="gradeBand"
          value={draft.gradeBand}
          onChange={set("gradeBand")}
          options={[{ value: "", label: t("search.anyGradeBand") }, ...labels.gradeBandOptions]}
        />
        <TextField
          label={t("search.standardLabel")}
          name="standard"
          value={draft.standard}
          onChange={set("standard")}
          description={t("search.standardHint")}
        />
        <SelectField
          label={t("search.kindLabel")}
          name="kind"
          value={draft.kind}
          onChange={set("kind")}
          options={[
            { value: "", label: t("search.anyKind") },
            ...artifactKinds.map((kind) => ({ value: kind, label: t(`artifactKinds.${kind}`) })),
          ]}
        />
        <div className="search-filters__buttons">
          <Button type="submit" variant="primary">
            {t("search.submit")}
          </Button>
          <Button
            variant="quiet"
            onPress={() => {
              setDraft({ ...toDraft({}), q: draft.q });
              form.clearErrors();
              void navigate({ to: "/search", search: draft.q.trim() ? { q: draft.q.trim() } : {} });
            }}
          >
            {t("search.clearFilters")}
          </Button>
        </div>
      </Form>
    </search>
  );
}
