/*
 * Forms ask for a date and a time in a given zone — the person's own (sending a survey), a meeting's (moving
 * it) — not the browser's; the API speaks instants. These two convert between them with Intl alone.
 */

function partsIn(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** An instant as the wall-clock date (YYYY-MM-DD) and time (HH:MM) in a zone. */
export function toZoned(iso: string | Date, timeZone: string): { date: string; time: string } {
  return partsIn(typeof iso === "string" ? new Date(iso) : iso, timeZone);
}

/** A wall-clock date and time in a zone as an ISO instant; null when either is missing or invalid. */
export function fromZoned(date: string, time: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const guess = new Date(`${date}T${time}:00Z`);
  if (Number.isNaN(guess.getTime())) return null;
  // Shift by the zone's offset at that moment, then once more in case the offset changed (DST).
  let instant = guess.getTime();
  for (let i = 0; i < 2; i++) {
    const seen = partsIn(new Date(instant), timeZone);
    const seenAsUtc = new Date(`${seen.date}T${seen.time}:00Z`).getTime();
    instant += guess.getTime() - seenAsUtc;
  }
  return new Date(instant).toISOString();
}
