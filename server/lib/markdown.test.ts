import { describe, expect, it } from "vitest";
import { mentionedIds, renderMarkdown } from "./markdown.ts";

const ANN = "0190a8f0-0000-7000-8000-000000000001";
const BOB = "0190a8f0-0000-7000-8000-000000000002";

/** Inputs that try to run script, load something or smuggle markup; none may survive as markup. */
const nasty = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<IMG SRC="javascript:alert(1)">',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  '<a href="jav&#x09;ascript:alert(1)">tab</a>',
  "[tab](jav&#x09;ascript:alert(1))",
  "[entity](&#106;avascript:alert(1))",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![pixel](data:image/png;base64,AAAA)",
  "![tracker](https://evil.example/pixel.png)",
  "<javascript:alert(1)>",
  "<svg onload=alert(1)><circle r=1 /></svg>",
  '<iframe src="https://evil.example"></iframe>',
  "<!-- <script>alert(1)</script> -->",
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<div onclick="alert(1)">click</div>',
  "[x](vbscript:msgbox(1))",
  '[x](https://ok.example "title" onmouseover=alert(1))',
  "<a href='https://ok.example' onmouseover='alert(1)'>hover</a>",
  "```\n<script>alert(1)</script>\n```",
  "`<img src=x onerror=alert(1)>`",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  `@[<img src=x onerror=alert(1)>](${ANN})`,
  `@[Bob<script>](${BOB})`,
  "<form action=https://evil.example><input name=x></form>",
  "<object data=x></object><embed src=x>",
  '<base href="https://evil.example/">',
  "[link](//evil.example/path)",
];

/** Every tag and attribute in a piece of HTML. */
function markup(html: string) {
  const tags = [...html.matchAll(/<\s*([a-z0-9-]+)([^>]*)>/gi)].map((m) => ({
    tag: (m[1] ?? "").toLowerCase(),
    raw: m[2] ?? "",
    attributes: [...(m[2] ?? "").matchAll(/([a-z-]+)\s*=\s*"([^"]*)"/gi)].map((a) => ({
      name: (a[1] ?? "").toLowerCase(),
      value: a[2] ?? "",
    })),
  }));
  return tags;
}

const ALLOWED_TAGS = new Set(
  "p br hr em strong del s ul ol li a code pre blockquote h3 h4 h5 h6 table thead tbody tr th td span".split(
    " ",
  ),
);

describe("renderMarkdown", () => {
  it.each(nasty)("renders %j harmless", (input) => {
    const html = renderMarkdown(input, new Map([[ANN, "Ann Lee"]]));
    for (const { tag, raw, attributes } of markup(html)) {
      expect(ALLOWED_TAGS, html).toContain(tag);
      expect(raw, html).not.toMatch(/\son\w+\s*=/i);
      for (const { name, value } of attributes) {
        expect(["href", "rel", "class", "start"], html).toContain(name);
        if (name === "href") expect(value, html).toMatch(/^(https?:\/\/|mailto:)/);
        if (name === "class") expect(value).toBe("mention");
      }
    }
    expect(html).not.toMatch(/<(script|img|svg|iframe|style|form|object|embed|base|math)/i);
  });

  it("shows typed HTML as the text that was typed", () => {
    expect(renderMarkdown("<script>alert(1)</script>")).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
    );
  });

  it("keeps ordinary Markdown: emphasis, lists, code, quotes, tables, headings from h3", () => {
    const html = renderMarkdown(
      "# Big\n\n*one* **two** `three`\n\n- a\n- b\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    );
    expect(html).toContain("<h3>Big</h3>");
    expect(html).toContain("<em>one</em> <strong>two</strong> <code>three</code>");
    expect(html).toContain("<ul>\n<li>a</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<td>1</td>");
  });

  it("links only http(s) and mailto, never passing on the reader", () => {
    expect(renderMarkdown("[site](https://ok.example/a?b=1) <mailto:a@b.example>")).toBe(
      '<p><a href="https://ok.example/a?b=1" rel="nofollow noopener noreferrer">site</a> ' +
        '<a href="mailto:a@b.example" rel="nofollow noopener noreferrer">mailto:a@b.example</a></p>\n',
    );
    expect(renderMarkdown("[x](javascript:alert(1))")).toBe("<p>x</p>\n");
  });

  it("shows people who may be mentioned as a mention, anyone else as plain text", () => {
    const html = renderMarkdown(`Thanks @[Ann](${ANN}) and @[Bob](${BOB})`, new Map([[ANN, "Ann Lee"]]));
    expect(html).toBe('<p>Thanks <span class="mention">@Ann Lee</span> and @Bob</p>\n');
  });

  it("finds mentioned ids once each", () => {
    expect(mentionedIds(`@[A](${ANN}) @[B](${BOB}) @[A again](${ANN.toUpperCase()})`)).toEqual([ANN, BOB]);
  });
});
