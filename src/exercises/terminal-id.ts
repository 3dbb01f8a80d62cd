/**
 * The id a terminal task's commands go under in an exercise's `solution` and `wrongAnswers`
 * (kept apart from the zod schema so browser code can import it for free).
 */
export const TERMINAL_ID = 'terminal';
