import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, type RefObject, useState } from "react";
import { useTranslation } from "react-i18next";
import { mentionToken } from "../../../shared/schemas/discussions.ts";
import { type MentionCandidate, mentionQuery } from "./api.ts";

/** "@" then up to 30 name characters right before the caret, at the start or after a space. */
const MENTION_AT_CARET = /(?:^|\s)@([^\s@[\]()]{0,30})$/;

type Mentioning = { query: string; start: number; end: number };

/**
 * Mention suggestions for a text area: watches for "@letters" before the caret, fetches the members
 * who match, moves through them with the arrow keys and inserts the chosen one's token.
 */
export function useMentions(options: {
  communityId: string;
  value: string;
  onChange: (value: string) => void;
  ref: RefObject<HTMLTextAreaElement | null>;
}) {
  const { t } = useTranslation();
  const [mentioning, setMentioning] = useState<Mentioning | null>(null);
  const [active, setActive] = useState(0);
  const [said, setSaid] = useState("");
  const candidates = useQuery({
    ...mentionQuery(options.communityId, mentioning?.query ?? ""),
    enabled: mentioning !== null,
  });
  const items = mentioning ? (candidates.data?.items ?? []) : [];
  const open = mentioning !== null && candidates.isSuccess;

  const look = (text: string, caret: number) => {
    const match = MENTION_AT_CARET.exec(text.slice(0, caret));
    const query = match?.[1] ?? "";
    setMentioning(match ? { query, start: caret - query.length - 1, end: caret } : null);
    setActive(0);
  };

  const choose = (person: MentionCandidate) => {
    if (!mentioning) return;
    const token = `${mentionToken(person.name, person.id)} `;
    const value = options.value;
    options.onChange(value.slice(0, mentioning.start) + token + value.slice(mentioning.end));
    const caret = mentioning.start + token.length;
    setMentioning(null);
    setSaid(t("discussions.mentioned", { name: person.name }));
    requestAnimationFrame(() => {
      options.ref.current?.focus();
      options.ref.current?.setSelectionRange(caret, caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "Escape") {
      // Closes the list only (not a dialog around the editor).
      event.preventDefault();
      event.stopPropagation();
      setMentioning(null);
    } else if (items.length > 0 && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + items.length) % items.length);
    } else if (items.length > 0 && (event.key === "Enter" || event.key === "Tab")) {
      event.preventDefault();
      const person = items[active];
      if (person) choose(person);
    }
  };

  const announcement = open
    ? items.length > 0
      ? t("discussions.mentionCount", { count: items.length })
      : t("discussions.mentionNone")
    : said;
  return { open, items, active, look, choose, onKeyDown, close: () => setMentioning(null), announcement };
}

/** The suggestions, below the text area; the text area keeps focus and points at the active one. */
export function MentionListbox(props: {
  id: string;
  optionId: (i: number) => string;
  items: MentionCandidate[];
  active: number;
  onChoose: (person: MentionCandidate) => void;
}) {
  const { t } = useTranslation();
  if (props.items.length === 0) return <p className="muted">{t("discussions.mentionNone")}</p>;
  return (
    <div
      className="md-editor__mentions"
      role="listbox"
      id={props.id}
      aria-label={t("discussions.mentionSuggestions")}
    >
      {props.items.map((person, i) => (
        <div
          key={person.id}
          id={props.optionId(i)}
          role="option"
          tabIndex={-1}
          aria-selected={i === props.active}
          className={i === props.active ? "md-editor__mention is-active" : "md-editor__mention"}
          // Keeps focus in the text area, so the click does not close the list first.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => props.onChoose(person)}
          onKeyDown={() => {}}
        >
          <span>{person.name}</span>
          {person.title ? <span className="muted"> · {person.title}</span> : null}
        </div>
      ))}
    </div>
  );
}
