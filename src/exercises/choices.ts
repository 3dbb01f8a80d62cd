/**
 * The answers of a prediction question. Kept apart from schema.ts (zod) so the grader and the
 * UI can import them without pulling the schema into the browser.
 */

/** The answers a prediction question offers, in the order they are shown. */
export const PREDICTION_CHOICES = ['allowed', 'implicit-deny', 'explicit-deny'] as const;

/** One of the answers a prediction question offers. */
export type PredictionChoice = (typeof PREDICTION_CHOICES)[number];

/** Each answer in words, as the radio buttons and the results say it. */
export const CHOICE_TEXT: Readonly<Record<PredictionChoice, string>> = {
  allowed: 'Allowed',
  'implicit-deny': 'Denied — no policy allows it (implicit deny)',
  'explicit-deny': 'Denied — a policy explicitly denies it',
};

/** Whether a value is one of the answers (for answers read back from storage). */
export function isPredictionChoice(value: unknown): value is PredictionChoice {
  return typeof value === 'string' && (PREDICTION_CHOICES as readonly string[]).includes(value);
}
