import type { Segment } from "./api.ts";

/** Text with the matched words in <mark>: plain segments from the server, never HTML. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.highlighted ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed sequence of one text
          <mark key={i}>{segment.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed sequence of one text
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
