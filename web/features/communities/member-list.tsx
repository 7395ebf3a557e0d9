import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Community, CommunityRole, Member } from "../../../shared/schemas/communities.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog, ModalDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { FormActions } from "../../ui/form/form.tsx";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { Badge } from "../../ui/states.tsx";
import { useMe } from "../auth/me.ts";
import { changeMemberRole, removeMember } from "./api.ts";
import { useCommunityAction } from "./use-community-action.ts";

/** Members with their roles; facilitators can change a role or remove someone. */
export function MemberList({ community }: { community: Community }) {
  const { t } = useTranslation();
  const members = community.members.filter((m) => m.status === "active");
  return (
    <Section title={t("members.title", { count: members.length })} id="members">
      {members.length === 0 ? (
        <p className="muted">{t("members.empty")}</p>
      ) : (
        <ul className="member-list">
          {members.map((member) => (
            <MemberRow key={member.personId} community={community} member={member} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function MemberRow({ community, member }: { community: Community; member: Member }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe();
  const isMe = member.personId === me.person.id;
  const detail = [member.pronouns, member.title].filter(Boolean).join(" · ");
  return (
    <li className="member">
      <div className="member__who">
        <span className="member__name">
          {member.name}
          {isMe ? <span className="muted"> {t("members.you")}</span> : null}
        </span>
        {detail ? <span className="member__detail">{detail}</span> : null}
        <span className="member__detail">
          {t("members.since")} <DateTime iso={member.joinedAt} dateOnly />
        </span>
      </div>
      <div className="member__actions">
        <Badge tone={member.role === "facilitator" ? "info" : "neutral"}>{labels.role(member.role)}</Badge>
        {community.can.manageMembers && !isMe ? (
          <>
            <ChangeRoleButton community={community} member={member} />
            <RemoveMemberButton community={community} member={member} />
          </>
        ) : null}
      </div>
    </li>
  );
}

function ChangeRoleButton({ community, member }: { community: Community; member: Member }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<CommunityRole>(member.role);
  const change = useCommunityAction(
    community.id,
    (next: CommunityRole) => changeMemberRole(community.id, member.personId, next),
    (_c, next) => t("members.roleChanged", { name: member.name, role: labels.role(next) }),
    { onSuccess: () => setOpen(false), toastErrors: false },
  );
  return (
    <>
      <Button
        size="small"
        onPress={() => {
          setRole(member.role);
          change.reset();
          setOpen(true);
        }}
        accessibleName={t("members.changeRoleFor", { name: member.name })}
      >
        {t("members.changeRole")}
      </Button>
      <ModalDialog
        title={t("members.changeRoleTitle", { name: member.name })}
        isOpen={open}
        onOpenChange={setOpen}
      >
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            change.mutate(role);
          }}
        >
          <SelectField
            label={t("invite.role")}
            value={role}
            onChange={(v) => setRole(v as CommunityRole)}
            options={labels.roleOptions}
            description={labels.roleDescription(role)}
          />
          {change.isError ? (
            <p className="inline-error" role="alert">
              {describeError(change.error, t)}
            </p>
          ) : null}
          <FormActions>
            <Button type="submit" variant="primary" isPending={change.isPending}>
              {t("members.saveRole")}
            </Button>
            <Button variant="quiet" onPress={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
          </FormActions>
        </form>
      </ModalDialog>
    </>
  );
}

function RemoveMemberButton({ community, member }: { community: Community; member: Member }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const remove = useCommunityAction(
    community.id,
    () => removeMember(community.id, member.personId),
    () => t("members.removed", { name: member.name, community: community.name }),
    { onSuccess: () => setOpen(false), toastErrors: false },
  );
  return (
    <>
      <Button
        size="small"
        variant="quiet"
        onPress={() => {
          remove.reset();
          setOpen(true);
        }}
        accessibleName={t("members.removeFor", { name: member.name })}
      >
        {t("common.remove")}
      </Button>
      <ConfirmDialog
        title={t("members.removeTitle", { name: member.name })}
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={t("common.remove")}
        onConfirm={() => remove.mutate()}
        isPending={remove.isPending}
        destructive
        error={remove.isError ? describeError(remove.error, t) : null}
      >
        <p>{t("members.removeBody", { name: member.name, community: community.name })}</p>
      </ConfirmDialog>
    </>
  );
}
