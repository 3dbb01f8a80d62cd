/**
 * Exercises: the file schema, validation with readable errors, and the grader. Depends on
 * src/sim only; no DOM.
 */
export {
  exerciseSchema,
  editableSchema,
  checkSchema,
  actorSchema,
  callSchema,
  targetSchema,
  lintSchema,
  probeSchema,
  expectSchema,
  contextSchema,
  EDITABLE_KINDS,
  predictionSchema,
  wrongAnswerSchema,
  terminalTaskSchema,
} from './schema.ts';
export { PREDICTION_CHOICES, CHOICE_TEXT, isPredictionChoice } from './choices.ts';
export type { PredictionChoice } from './choices.ts';
export type {
  Exercise,
  ExerciseInput,
  Check,
  Probe,
  Actor,
  Target,
  Editable,
  EditableKind,
  Prediction,
  WrongAnswer,
} from './schema.ts';
export { parseExercise, friendlyIssues, fieldPath } from './validate.ts';
export type { ExerciseParse } from './validate.ts';
export { expectsAllowed, expectedText, responseMismatches, valueAt } from './expectation.ts';
export { gradeExercise, summaryText, predictionSummaryText, decisionClass } from './grade.ts';
export type { GradeOptions } from './grade.ts';
export { replayTerminal, gradeWithCommands } from './terminal-replay.ts';
export type { ReplayedLine } from './terminal-replay.ts';
export { TERMINAL_ID } from './terminal-id.ts';
export type {
  GradeResult,
  CheckResult,
  DocumentResult,
  LintFinding,
  Outcome,
  PredictionResult,
} from './result.ts';
export type { DecidingStatement } from './deciding.ts';
export { actorText, GRADER_SESSION } from './actors.ts';
export { requestTarget, requestText } from './request.ts';
export type { RequestTarget } from './request.ts';
export { POLICY_KIND } from './install.ts';
