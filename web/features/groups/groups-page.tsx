import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { groupInputSchema } from "../../../shared/schemas/groups.ts";
import type { GroupPurpose } from "../../../shared/schemas/student-enums.ts";
import { Button } from "../../ui/button.tsx";
import { CheckboxGroupField } from "../../ui/choice-fields.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page, Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { AssessmentNav } from "../assessments/assessment-nav.tsx";
import {
  createGroup,
  type GroupStudent,
  type GroupSuggestions,
  groupKeys,
  groupListQuery,
  suggestionsQuery,
} from "./api.ts";
import { studentLabel } from "./student-label.ts";
import "./groups.css";

/** /assessments/$assessmentId/groups?standard= — who needs re-teaching and who is ready for more. */
export function GroupsPage({ assessmentId, standard }: { assessmentId: string; standard: string }) {
  const { t } = useTranslation();
  const query = useQuery(suggestionsQuery(assessmentId, standard));
  return (
    <QueryView query={query} loadingLabel={t("groups.loading")}>
      {(s) => <GroupsView key={standard} suggestions={s} />}
    </QueryView>
  );
}

function GroupsView({ suggestions: s }: { suggestions: GroupSuggestions }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const a = s.assessment;
  return (
    <Page
      title={t("groups.title", { title: a.title })}
      eyebrow={
        <Link to="/assessments/$assessmentId" params={{ assessmentId: a.id }}>
          {t("groups.back", { title: a.title })}
        </Link>
      }
      lead={t("groups.lead", { threshold: a.masteryPercent })}
    >
      <AssessmentNav assessmentId={a.id} />
      <p className="groups-privacy">{t("groups.privacy")}</p>
      {s.standards.length === 0 ? (
        <EmptyState title={t("groups.noStandardsTitle")}>
          <p>{t("groups.noStandards")}</p>
        </EmptyState>
      ) : (
        <div className="groups-filters">
          <SelectField
            label={t("groups.focus")}
            value={s.standard}
            placeholder={t("groups.chooseStandard")}
            options={s.standards.map((x) => ({ value: x, label: x }))}
            onChange={(standard) =>
              void navigate({
                to: "/assessments/$assessmentId/groups",
                params: { assessmentId: a.id },
                search: standard ? { standard } : {},
              })
            }
          />
        </div>
      )}
      {s.standard ? (
        <div className="groups-columns">
          <SuggestedGroup suggestions={s} purpose="intervention" students={s.intervention} />
          <SuggestedGroup suggestions={s} purpose="extension" students={s.extension} />
        </div>
      ) : s.standards.length ? (
        <p>{t("groups.chooseFirst")}</p>
      ) : null}
      <SavedGroups assessmentId={a.id} />
    </Page>
  );
}

function SuggestedGroup(props: {
  suggestions: GroupSuggestions;
  purpose: GroupPurpose;
  students: GroupStudent[];
}) {
  const { suggestions: s, purpose, students } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(students.map((x) => x.id));
  const [title, setTitle] = useState(t(`groups.defaultTitle.${purpose}`, { standard: s.standard }));
  const form = useFormSubmit({
    schema: groupInputSchema,
    send: (input, key) => createGroup(input, key),
    onSuccess: (group) => {
      void queryClient.invalidateQueries({ queryKey: groupKeys.list(s.assessment.id) });
      void navigate({ to: "/student-groups/$groupId", params: { groupId: group.id } });
    },
  });
  const heading = t(`groups.heading.${purpose}`, {
    standard: s.standard,
    threshold: s.assessment.masteryPercent,
  });
  const formId = `save-${purpose}-group`;
  return (
    <Section title={heading} id={`${purpose}-group`}>
      {students.length === 0 ? (
        <p>{t(`groups.empty.${purpose}`)}</p>
      ) : (
        <Form
          id={formId}
          form={form}
          onSubmit={() =>
            form.submit({
              assessmentId: s.assessment.id,
              standard: s.standard,
              purpose,
              title,
              studentIds: chosen,
            })
          }
          className="form"
        >
          <CheckboxGroupField
            label={t(`groups.students.${purpose}`)}
            name="studentIds"
            value={chosen}
            onChange={setChosen}
            description={t("groups.studentsHint", { count: students.length })}
            options={students.map((x) => ({ value: x.id, label: studentLabel(x, t) }))}
          />
          <TextField label={t("groups.name")} name="title" value={title} onChange={setTitle} />
          <FormActions>
            <Button type="submit" variant="primary" isPending={form.isPending}>
              {t(`groups.save.${purpose}`)}
            </Button>
          </FormActions>
        </Form>
      )}
    </Section>
  );
}

function SavedGroups({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const query = useQuery(groupListQuery(assessmentId));
  return (
    <Section title={t("groups.saved")} id="saved-groups">
      <QueryView query={query} loadingLabel={t("groups.loadingSaved")}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t("groups.noSaved")}</p>
          ) : (
            <ul className="groups-saved" aria-label={t("groups.saved")}>
              {items.map((g) => (
                <li key={g.id}>
                  <Link to="/student-groups/$groupId" params={{ groupId: g.id }}>
                    {g.title}
                  </Link>{" "}
                  <span className="groups-saved__meta">
                    {t("groups.savedMeta", {
                      purpose: t(`groups.purpose.${g.purpose}`),
                      standard: g.standard,
                      count: g.memberCount,
                      name: g.createdBy.name,
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </Section>
  );
}
