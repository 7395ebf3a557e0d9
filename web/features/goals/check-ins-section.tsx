import { useState } from "react";
import { useTranslation } from "react-i18next";
import { checkInInputSchema } from "../../../shared/schemas/goals.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";
import { addCheckIn, type GoalDetail } from "./api.ts";
import { useRefreshGoal } from "./refresh.ts";

/** Check-ins: how it is going, with links to the evidence; newest first. */
export function CheckInsSection({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t("goals.checkIns.title")} id="goal-check-ins">
      {goal.checkIns.length === 0 ? (
        <EmptyState title={t("goals.checkIns.none")}>
          {goal.can.recordProgress ? <p>{t("goals.checkIns.noneHint")}</p> : null}
        </EmptyState>
      ) : (
        <ul className="goal-check-ins">
          {goal.checkIns.map((c) => (
            <li key={c.id}>
              <p className="pre-line">{c.note}</p>
              {c.links.length > 0 ? (
                <ul>
                  {c.links.map((l) => (
                    <li key={l.url}>
                      <a href={l.url} rel="noopener noreferrer" target="_blank">
                        {l.title}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="muted">
                {c.author.name}, <DateTime iso={c.createdAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {goal.can.recordProgress ? <CheckInForm goalId={goal.id} /> : null}
    </Section>
  );
}

function CheckInForm({ goalId }: { goalId: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshGoal(goalId);
  const [note, setNote] = useState("");
  const [links, setLinks] = useState<{ title: string; url: string }[]>([]);
  const form = useFormSubmit({
    schema: checkInInputSchema,
    send: (data, key) => addCheckIn(goalId, data, key),
    onSuccess: () => {
      setNote("");
      setLinks([]);
      refresh();
    },
  });
  const setLink = (i: number, key: "title" | "url", value: string) =>
    setLinks(links.map((l, j) => (j === i ? { ...l, [key]: value } : l)));
  return (
    <Form id="goal-check-in" form={form} onSubmit={() => form.submit({ note, links })} className="form">
      <TextAreaField label={t("goals.checkIns.note")} name="note" value={note} onChange={setNote} />
      {links.map((link, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: links have no id until saved; their position is their name.
        <fieldset key={i} className="stack">
          <TextField
            label={t("goals.checkIns.linkTitle", { n: i + 1 })}
            name={`links.${i}.title`}
            value={link.title}
            onChange={(v) => setLink(i, "title", v)}
          />
          <TextField
            label={t("goals.checkIns.linkUrl", { n: i + 1 })}
            name={`links.${i}.url`}
            type="url"
            value={link.url}
            onChange={(v) => setLink(i, "url", v)}
          />
          <Button variant="quiet" onPress={() => setLinks(links.filter((_, j) => j !== i))}>
            {t("goals.checkIns.removeLink", { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <FormActions>
        <Button variant="secondary" onPress={() => setLinks([...links, { title: "", url: "" }])}>
          {t("goals.checkIns.addLink")}
        </Button>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("goals.checkIns.save")}
        </Button>
      </FormActions>
    </Form>
  );
}
