import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { useField } from "../../ui/form/form-context.tsx";
import { FieldErrorText } from "../../ui/text-field.tsx";
import { previewMarkdown } from "./api.ts";
import { PostBody } from "./post-body.tsx";
import { MentionListbox, useMentions } from "./use-mentions.tsx";

interface MarkdownEditorProps {
  communityId: string;
  label: string;
  /** Field path in the form's schema; links its error. */
  name: string;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  rows?: number;
}

/**
 * A Markdown text area with a preview (rendered by the server, exactly as it will be shown) and
 * mention suggestions: typing "@" and a few letters lists the community's members below the field; the
 * arrow keys move through them (the field keeps focus and names the active one through
 * aria-activedescendant), Enter or Tab inserts the mention, Escape closes the list.
 */
export function MarkdownEditor(props: MarkdownEditorProps) {
  const { t } = useTranslation();
  const field = useField(props.name, useId());
  const ref = useRef<HTMLTextAreaElement>(null);
  const [previewing, setPreviewing] = useState(false);
  const mentions = useMentions({
    communityId: props.communityId,
    value: props.value,
    onChange: props.onChange,
    ref,
  });
  const ids = { list: `${field.id}-mentions`, desc: `${field.id}-description`, error: `${field.id}-error` };
  const optionId = (i: number) => `${field.id}-mention-${i}`;
  const open = mentions.open && !previewing;
  const describedBy = [props.description ? ids.desc : null, field.error ? ids.error : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field md-editor">
      <div className="md-editor__head">
        <label className="field__label" htmlFor={field.id}>
          {props.label}
        </label>
        <Button variant="quiet" onPress={() => setPreviewing((p) => !p)} aria-pressed={previewing}>
          {t("discussions.preview")}
        </Button>
      </div>
      {props.description ? (
        <div className="field__description" id={ids.desc}>
          {props.description}
        </div>
      ) : null}
      {field.error ? (
        <div className="field__error" id={ids.error}>
          <FieldErrorText>{field.error}</FieldErrorText>
        </div>
      ) : null}
      <textarea
        ref={ref}
        id={field.id}
        name={props.name}
        className="field__input"
        rows={props.rows ?? 6}
        value={props.value}
        hidden={previewing}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        aria-autocomplete="list"
        aria-controls={open && mentions.items.length > 0 ? ids.list : undefined}
        aria-activedescendant={
          open && mentions.items[mentions.active] ? optionId(mentions.active) : undefined
        }
        onChange={(e) => {
          props.onChange(e.target.value);
          mentions.look(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={mentions.onKeyDown}
        onBlur={mentions.close}
      />
      {open ? (
        <MentionListbox
          id={ids.list}
          optionId={optionId}
          items={mentions.items}
          active={mentions.active}
          onChoose={mentions.choose}
        />
      ) : null}
      <div className="visually-hidden" aria-live="polite">
        {previewing ? "" : mentions.announcement}
      </div>
      {previewing ? (
        <PreviewPane communityId={props.communityId} label={props.label} value={props.value} />
      ) : null}
    </div>
  );
}

function PreviewPane({ communityId, label, value }: { communityId: string; label: string; value: string }) {
  const { t } = useTranslation();
  const preview = useQuery({
    queryKey: ["discussions", "preview", communityId, value],
    queryFn: () => previewMarkdown(communityId, value),
    enabled: value.trim() !== "",
  });
  return (
    <section className="md-editor__preview" aria-label={t("discussions.previewLabel", { label })}>
      {value.trim() === "" ? (
        <p className="muted">{t("discussions.previewEmpty")}</p>
      ) : preview.data ? (
        <PostBody html={preview.data.html} />
      ) : (
        <p className="muted">{t("discussions.previewLoading")}</p>
      )}
    </section>
  );
}
