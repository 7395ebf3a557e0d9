/**
 * A post's words as the server rendered them. The server escapes any HTML people typed and passes the
 * result through an allow-list sanitiser (server/lib/markdown.ts), so this HTML is ours, not theirs.
 */
export function PostBody({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised on the server (see above)
  return <div className="post-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
