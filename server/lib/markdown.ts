import { randomBytes } from "node:crypto";
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { MENTION_PATTERN } from "../../shared/schemas/discussions.ts";

/**
 * Markdown people write in discussions, rendered to HTML that is safe to put into a page. Two layers:
 * raw HTML in the source is shown as text (never interpreted), and the result then passes an allow-list
 * sanitiser, so a trick that gets past one layer still meets the other.
 */

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const marked = new Marked({
  gfm: true,
  breaks: true,
  // Posts sit under the page's h1 and the thread's h2: their headings start at h3.
  walkTokens(token) {
    if (token.type === "heading") (token as Tokens.Heading).depth = Math.min(6, token.depth + 2);
  },
  renderer: {
    // What looks like HTML is shown as typed: "<script>" in a post reads as "<script>".
    html: (token: Tokens.HTML | Tokens.Tag) =>
      token.block ? `<p>${escapeHtml(token.text.trim())}</p>\n` : escapeHtml(token.text),
    // Only absolute http(s) and mailto links are links; any other target leaves just the words.
    link(token: Tokens.Link) {
      const words = this.parser.parseInline(token.tokens);
      return SAFE_HREF.test(token.href.trim())
        ? `<a href="${escapeHtml(token.href.trim())}">${words}</a>`
        : words;
    },
    // No images from elsewhere (they would track readers): a safe image becomes a link to it.
    image: (token: Tokens.Image) => {
      const words = escapeHtml(token.text || token.href);
      return SAFE_HREF.test(token.href.trim())
        ? `<a href="${escapeHtml(token.href.trim())}">${words}</a>`
        : words;
    },
  },
});

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "del",
    "s",
    "ul",
    "ol",
    "li",
    "a",
    "code",
    "pre",
    "blockquote",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // The second layer: whatever reaches here as a link gets a safe target or none, and never passes
    // on who is reading or gives the linked page a handle on this one.
    a: (_tag, attribs) => {
      const href = (attribs.href ?? "").trim();
      return {
        tagName: "a",
        attribs: (SAFE_HREF.test(href)
          ? { href, rel: "nofollow noopener noreferrer" }
          : {}) as sanitizeHtml.Attributes,
      };
    },
  },
};

/** The person ids a Markdown source mentions, in order, once each. */
export function mentionedIds(source: string): string[] {
  return [...new Set([...source.matchAll(MENTION_PATTERN)].map((m) => (m[2] ?? "").toLowerCase()))];
}

/**
 * Renders Markdown to sanitised HTML. `people` maps the ids that may be mentioned (who can read the
 * community) to their current names: those show as a mention, any other token as the plain text typed.
 */
export function renderMarkdown(source: string, people: ReadonlyMap<string, string> = new Map()): string {
  // Mentions are swapped for placeholders Markdown leaves alone, and put back after sanitising, so the
  // mention markup is ours alone and a name can never inject Markdown or HTML.
  const nonce = randomBytes(6).toString("hex");
  const swapped: string[] = [];
  const prepared = source.replace(MENTION_PATTERN, (_all, typed: string, id: string) => {
    const name = people.get(id.toLowerCase());
    swapped.push(
      name === undefined ? escapeHtml(`@${typed}`) : `<span class="mention">@${escapeHtml(name)}</span>`,
    );
    return `M${nonce}x${swapped.length - 1}Z`;
  });
  const html = sanitizeHtml(marked.parse(prepared, { async: false }), sanitizeOptions);
  return html.replace(new RegExp(`M${nonce}x(\\d+)Z`, "g"), (_all, i: string) => swapped[Number(i)] ?? "");
}
