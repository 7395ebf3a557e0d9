import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Person, PersonStatus } from "../../../shared/schemas/people.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { Badge, EmptyState, QueryView } from "../../ui/states.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { adminAccess, useMe } from "../auth/me.ts";
import { useSchoolOptions } from "../schools/api.ts";
import { NoAccess } from "../shell/error-page.tsx";
import { peopleQuery } from "./api.ts";
import { InvitePersonButton } from "./invite-person-dialog.tsx";
import { PeopleInvitations } from "./people-invitations.tsx";
import { EditPersonButton, StatusButton } from "./person-actions.tsx";
import "./people.css";

interface PeoplePageProps {
  q: string;
  status: PersonStatus | undefined;
}

/** The district's people: find, invite, change role and schools, deactivate. School leaders read. */
export function PeoplePage({ q, status }: PeoplePageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const access = adminAccess(me);
  if (!access.people) return <NoAccess message={t("people.noAccess")} />;
  return (
    <Page
      title={t("people.title")}
      lead={<p>{access.managePeople ? t("people.lead") : t("people.leadReadOnly")}</p>}
      actions={access.managePeople ? <InvitePersonButton /> : null}
    >
      <PeopleList q={q} status={status} canManage={access.managePeople} />
      {access.managePeople ? <PeopleInvitations /> : null}
    </Page>
  );
}

function PeopleList({ q, status, canManage }: PeoplePageProps & { canManage: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(q);
  const query = useQuery(peopleQuery(q, status));

  const go = (next: { q?: string; status?: PersonStatus | undefined }) =>
    void navigate({
      to: "/admin/people",
      search: { q: (next.q ?? q) || undefined, status: "status" in next ? next.status : status },
    });

  return (
    <Section title={t("people.listTitle")} id="people">
      <search>
        <form
          className="people-filters"
          onSubmit={(event) => {
            event.preventDefault();
            go({ q: draft.trim() });
          }}
        >
          <TextField label={t("people.searchLabel")} type="search" value={draft} onChange={setDraft} />
          <SelectField
            label={t("people.statusFilter")}
            value={status ?? ""}
            onChange={(v) => go({ status: v === "active" || v === "deactivated" ? v : undefined })}
            options={[
              { value: "", label: t("people.statusAll") },
              { value: "active", label: t("personStatuses.active") },
              { value: "deactivated", label: t("personStatuses.deactivated") },
            ]}
          />
          <Button type="submit">{t("common.search")}</Button>
        </form>
      </search>
      <QueryView query={query} loadingLabel={t("people.loading")}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={q || status ? t("people.noMatches") : t("people.empty")}>
              <p>{canManage ? t("people.emptyHint") : t("people.emptyHintReadOnly")}</p>
            </EmptyState>
          ) : (
            <PeopleTable people={data.items} canManage={canManage} />
          )
        }
      </QueryView>
    </Section>
  );
}

function PeopleTable({ people, canManage }: { people: Person[]; canManage: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe();
  const { nameOf } = useSchoolOptions();
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="visually-hidden">{t("people.tableCaption", { count: people.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("people.colName")}</th>
            <th scope="col">{t("people.colRole")}</th>
            <th scope="col">{t("people.colSchools")}</th>
            <th scope="col">{t("people.colStatus")}</th>
            {canManage ? (
              <th scope="col">
                <span className="visually-hidden">{t("people.colActions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                <span className="person__name">{person.name || person.email}</span>
                <span className="person__email">{person.email}</span>
              </th>
              <td data-label={t("people.colRole")}>{labels.orgRole(person.orgRole)}</td>
              <td data-label={t("people.colSchools")}>
                {person.schoolIds.length === 0
                  ? t("people.noSchools")
                  : person.schoolIds.map((id) => nameOf(id) ?? t("people.unknownSchool")).join(", ")}
              </td>
              <td data-label={t("people.colStatus")}>
                <Badge tone={person.status === "active" ? "success" : "danger"}>
                  {labels.personStatus(person.status)}
                </Badge>
              </td>
              {canManage ? (
                <td>
                  {person.id === me.person.id ? (
                    <span className="muted">{t("members.you")}</span>
                  ) : (
                    <div className="cluster">
                      <EditPersonButton person={person} />
                      <StatusButton person={person} />
                    </div>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
