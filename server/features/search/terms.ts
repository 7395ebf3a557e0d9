import type { Segment } from "../../../shared/schemas/search.ts";

/** What the person typed, split into standard codes (CCSS.MATH.7.RP.A.2, 7.RP) and plain words. */
export type Terms = { text: string; words: string; codes: string[] };

// A standard code: dotted parts, at least one digit ("7.RP", "RL.5.1", "CCSS.MATH.7.RP.A.2").
const CODE = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+\.?$/;

export function parseTerms(q: string): Terms {
  const tokens = q.split(/\s+/).filter(Boolean);
  const codes = tokens.filter((t) => CODE.test(t) && /\d/.test(t)).map((t) => t.replace(/\.$/, ""));
  const words = tokens.filter((t) => !codes.includes(t.replace(/\.$/, ""))).join(" ");
  return { text: tokens.join(" "), words, codes: [...new Set(codes.map((c) => c.toUpperCase()))] };
}

/** A case-insensitive regular expression finding a code at the start of a standard or of one of its parts. */
export function codePattern(code: string): string {
  return `(^| |\\.)${code.replace(/\./g, "\\.")}`;
}

/** Standards of a result that a code of the query finds (for showing why it matched). */
export function matchingStandards(standards: string[], codes: string[]): string[] {
  const patterns = codes.map((c) => new RegExp(codePattern(c), "i"));
  return standards.filter((s) => patterns.some((p) => p.test(s)));
}

/** PostgreSQL marks matches with these control characters; nothing a person types contains them. */
export const START = "\u0001";
export const STOP = "\u0002";
export const HEADLINE_OPTIONS = `StartSel="${START}", StopSel="${STOP}", MaxWords=35, MinWords=15`;
export const TITLE_OPTIONS = `StartSel="${START}", StopSel="${STOP}", HighlightAll=true`;

const MARKS = new RegExp(`([${START}${STOP}])`);

/** Marked text → plain segments, so the browser renders <mark> without ever parsing HTML. */
export function toSegments(marked: string): Segment[] {
  const segments: Segment[] = [];
  let highlighted = false;
  for (const part of marked.split(MARKS)) {
    if (part === START) highlighted = true;
    else if (part === STOP) highlighted = false;
    else if (part) {
      const last = segments.at(-1);
      if (last && last.highlighted === highlighted) last.text += part;
      else segments.push({ text: part, highlighted });
    }
  }
  return segments;
}
