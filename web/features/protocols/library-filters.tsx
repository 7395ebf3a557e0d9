import { useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MAX_PROTOCOL_MINUTES, protocolPurposes } from "../../../shared/protocols/definition.ts";
import { Button } from "../../ui/button.tsx";
import { Form } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { TextField } from "../../ui/text-field.tsx";
import type { ProtocolFilters } from "./api.ts";
import { useProtocolLabels } from "./labels.ts";

type Draft = { q: string; purpose: string; maxMinutes: string; groupSize: string };

const toDraft = (f: ProtocolFilters): Draft => ({
  q: f.q ?? "",
  purpose: f.purpose ?? "",
  maxMinutes: f.maxMinutes?.toString() ?? "",
  groupSize: f.groupSize?.toString() ?? "",
});

/** A whole number within bounds, or nothing when the box is left empty. */
const optionalWhole = (max: number, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= max), { message })
    .transform((v) => (v === "" ? undefined : Number(v)));

/** Search box and filters of the library; applying them puts them in the URL (shareable, back-button safe). */
export function LibraryFilters({ filters }: { filters: ProtocolFilters }) {
  const { t } = useTranslation();
  const labels = useProtocolLabels();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(() => toDraft(filters));
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const schema = useMemo(
    () =>
      z.object({
        q: z.string().trim().max(100),
        purpose: z.enum([...protocolPurposes, ""]),
        maxMinutes: optionalWhole(MAX_PROTOCOL_MINUTES, t("protocols.maxMinutesHint")),
        groupSize: optionalWhole(500, t("protocols.groupSizeHint")),
      }),
    [t],
  );
  const form = useFormSubmit({
    schema,
    send: async (data) => data,
    onSuccess: (data) =>
      void navigate({
        to: "/protocols",
        search: {
          q: data.q || undefined,
          purpose: data.purpose || undefined,
          maxMinutes: data.maxMinutes,
          groupSize: data.groupSize,
          archived: filters.archived || undefined,
        },
      }),
  });

  return (
    <search>
      <Form
        id="protocol-filters"
        form={form}
        onSubmit={() => form.submit(draft)}
        className="protocol-filters"
      >
        <TextField
          label={t("protocols.searchLabel")}
          name="q"
          type="search"
          value={draft.q}
          onChange={set("q")}
          description={t("protocols.searchHint")}
        />
        <SelectField
          label={t("protocols.purposeLabel")}
          name="purpose"
          value={draft.purpose}
          onChange={set("purpose")}
          options={[{ value: "", label: t("protocols.anyPurpose") }, ...labels.purposeOptions]}
        />
        <TextField
          label={t("protocols.maxMinutesLabel")}
          name="maxMinutes"
          inputMode="numeric"
          short
          value={draft.maxMinutes}
          onChange={set("maxMinutes")}
          description={t("protocols.maxMinutesHint")}
        />
        <TextField
          label={t("protocols.groupSizeLabel")}
          name="groupSize"
          inputMode="numeric"
          short
          value={draft.groupSize}
          onChange={set("groupSize")}
          description={t("protocols.groupSizeHint")}
        />
        <div className="protocol-filters__buttons">
          <Button type="submit" variant="secondary">
            {t("protocols.apply")}
          </Button>
          <Button
            variant="quiet"
            onPress={() => {
              setDraft(toDraft({}));
              form.clearErrors();
              void navigate({ to: "/protocols", search: { archived: filters.archived || undefined } });
            }}
          >
            {t("protocols.clearFilters")}
          </Button>
        </div>
      </Form>
    </search>
  );
}
