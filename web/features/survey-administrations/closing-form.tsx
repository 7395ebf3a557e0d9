import { useState } from "react";
import { useTranslation } from "react-i18next";
import { closingInputSchema } from "../../../shared/schemas/survey-administrations.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { useFormat } from "../../ui/format.tsx";
import { fromZoned, toZoned } from "../../ui/zoned.ts";
import { type Administration, changeClosing } from "./api.ts";
import { WhenFields } from "./when-fields.tsx";

/** Moves the closing date (in the person's time zone); a stale version is refused by the server. */
export function ClosingForm({ a, onDone }: { a: Administration; onDone: (next?: Administration) => void }) {
  const { t } = useTranslation();
  const { timeZone } = useFormat();
  const [closes, setCloses] = useState(toZoned(a.closesAt, timeZone));
  const form = useFormSubmit({
    schema: closingInputSchema,
    send: (input) => changeClosing(a.id, input.closesAt, input.version),
    onSuccess: (next) => onDone(next),
  });
  return (
    <Form
      id="change-closing"
      form={form}
      aria-label={t("surveyAdministrations.changeClosing")}
      onSubmit={() =>
        form.submit({
          closesAt: fromZoned(closes.date, closes.time, timeZone) ?? undefined,
          version: a.version,
        })
      }
    >
      <WhenFields
        name="closesAt"
        dateLabel={t("surveyAdministrations.closesDate")}
        timeLabel={t("surveyAdministrations.closesTime")}
        value={closes}
        onChange={setCloses}
      />
      <p className="field__description">{t("surveyAdministrations.timesHint", { zone: timeZone })}</p>
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("surveyAdministrations.saveClosing")}
        </Button>
        <Button variant="secondary" onPress={() => onDone()}>
          {t("surveyAdministrations.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
