import type { SurveyAnswers } from "../../../shared/surveys/definition.ts";

/*
 * A copy of the answers on this device, written on every change before the debounced save: a closed tab
 * or a dropped connection loses nothing. Keyed by person too, so a shared computer keeps people apart.
 */

type Copy = { answers: SurveyAnswers; at: string };
const keyOf = (administrationId: string, personId: string) =>
  `lamplight:survey-draft:${personId}:${administrationId}`;

export function readCopy(administrationId: string, personId: string): Copy | null {
  try {
    const raw = localStorage.getItem(keyOf(administrationId, personId));
    return raw ? (JSON.parse(raw) as Copy) : null;
  } catch {
    return null;
  }
}

export function writeCopy(administrationId: string, personId: string, answers: SurveyAnswers) {
  try {
    localStorage.setItem(
      keyOf(administrationId, personId),
      JSON.stringify({ answers, at: new Date().toISOString() }),
    );
  } catch {
    // Storage full or disabled: the server draft still saves.
  }
}

export function dropCopy(administrationId: string, personId: string) {
  try {
    localStorage.removeItem(keyOf(administrationId, personId));
  } catch {
    // Nothing to drop.
  }
}
