/**
 * An entry's words as the server rendered them: it escapes any HTML typed and passes the result through
 * an allow-list sanitiser (server/lib/markdown.ts, as discussions), so this HTML is ours, not theirs.
 */
export function EntryBody({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised on the server (see above)
  return <div className="journal-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
