import type { ReactNode } from "react";

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"')\]]+/g;

/** Plain text with its http(s) URLs turned into links (only those: never javascript: or data:). */
export function Linkify({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    let url = match[0];
    // A sentence's full stop or comma is not part of the link.
    const trailing = /[.,;:!?]+$/.exec(url)?.[0] ?? "";
    if (trailing) url = url.slice(0, -trailing.length);
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={url}>
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
