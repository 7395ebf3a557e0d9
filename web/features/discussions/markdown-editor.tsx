import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { mentionToken } from "../../../shared/schemas/discussions.ts";
import { Button } from "../../ui/button.tsx";
import { useField } from "../../ui/form/form-context.tsx";
import { FieldErrorText } from "../../ui/text-field.tsx";
import { type MentionCandidate, mentionQuery, previewMarkdown } from "./api.ts";
import { PostBody } from "./post-body.tsx";

/** "@" then up to 30 name characters right before the caret, at the start or after a space. */
const MENTION_AT_CARET = /(?:^|\s)@([^\s@[\]()]{0,30})$/;

type Mentioning = { query: string; start: number; end: number };

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
  const fallbackId = useId();
  const field = useField(props.name, fallbackId);
  const ref = useRef<HTMLTextAreaElement>(null);
  const [previewing, setPreviewing] = useState(false);
  const [mentioning, setMentioning] = useState<Mentioning | null>(null);
  const [active, setActive] = useState(0);
  const [said, setSaid] = useState("");
  const candidates = useQuery({
    ...mentionQuery(props.communityId, mentioning?.query ?? ""),
    enabled: mentioning !== null,
  });
  const preview = useQuery({
    queryKey: ["discussions", "preview", props.communityId, props.value],
    queryFn: () => previewMarkdown(props.communityId, props.value),
    enabled: previewing && props.value.trim() !== "",
  });
  const items = mentioning ? (candidates.data?.items ?? []) : [];
  const open = mentioning !== null && candidates.isSuccess;
  const ids = { list: `${field.id}-mentions`, desc: `${field.id}-description`, error: `${field.id}-error` };
  const optionId = (i: number) => `${field.id}-mention-${i}`;

  const look = (text: string, caret: number) => {
    const match = MENTION_AT_CARET.exec(text.slice(0, caret));
    setMentioning(
      match ? { query: match[1] ?? "", start: caret - (match[1] ?? "").length - 1, end: caret } : null,
    );
    setActive(0);
  };

  const choose = (person: MentionCandidate) => {
    if (!mentioning) return;
    const token = `${mentionToken(person.name, person.id)} `;
    const next = props.value.slice(0, mentioning.start) + token + props.value.slice(mentioning.end);
    const caret = mentioning.start + token.length;
    props.onChange(next);
    setMentioning(null);
    setSaid(t("discussions.mentioned", { name: person.name }));
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(caret, caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setMentioning(null);
      return;
    }
    if (items.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + items.length) % items.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      const person = items[active];
      if (person) choose(person);
    }
  };

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
        aria-controls={open ? ids.list : undefined}
        aria-activedescendant={open && items[active] ? optionId(active) : undefined}
        onChange={(e) => {
          props.onChange(e.target.value);
          look(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setMentioning(null)}
      />
      {open && !previewing && items.length > 0 ? (
        <div
          className="md-editor__mentions"
          role="listbox"
          id={ids.list}
          aria-label={t("discussions.mentionSuggestions")}
        >
          {items.map((person, i) => (
            <div
              key={person.id}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? "md-editor__mention is-active" : "md-editor__mention"}
              // Keeps focus in the text area, so the click does not close the list first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(person)}
              onKeyDown={() => {}}
            >
              <span>{person.name}</span>
              {person.title ? <span className="muted"> · {person.title}</span> : null}
            </div>
          ))}
        </div>
      ) : null}
      {open && !previewing && items.length === 0 ? (
        <p className="muted">{t("discussions.mentionNone")}</p>
      ) : null}
      <div className="visually-hidden" aria-live="polite">
        {open && !previewing
          ? items.length > 0
            ? t("discussions.mentionCount", { count: items.length })
            : t("discussions.mentionNone")
          : said}
      </div>
      {previewing ? (
        <section
          className="md-editor__preview"
          aria-label={t("discussions.previewLabel", { label: props.label })}
        >
          {props.value.trim() === "" ? (
            <p className="muted">{t("discussions.previewEmpty")}</p>
          ) : preview.data ? (
            <PostBody html={preview.data.html} />
          ) : (
            <p className="muted">{t("discussions.previewLoading")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
