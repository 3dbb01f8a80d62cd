/**
 * What grading returns: plain data the results table, the explainer, the editor markers and the
 * tests all read.
 */
import type { AuthorizeResult, FlagCode, PolicyIssue } from '../sim/index.ts';
import type { PredictionChoice } from './choices.ts';
import type { DecidingStatement } from './deciding.ts';

/** What a call did. */
export type Outcome = { outcome: 'allowed' } | { outcome: 'error'; code: string; message: string };

/** The state of one edited document after grading. */
export interface DocumentResult {
  /** The editable id. */
  id: string;
  /** Every parser issue (errors and warnings), with ranges for editor markers. */
  issues: PolicyIssue[];
  /** True when the document is in the world; false when AWS would reject it. */
  installed: boolean;
  /** Why the document was not installed (the first error), in one sentence. */
  rejection?: string;
}

/** One graded check. */
export interface CheckResult {
  description: string;
  /** "alice (IAM user)", "a session of role WebApp", … */
  actor: string;
  /** "s3:GetObject on arn:aws:s3:::photos/cat.jpg". */
  request: string;
  /** "allowed" or "error AccessDenied". */
  expected: string;
  /** What the simulator answered; absent when the check could not run (see reason). */
  got?: Outcome;
  /** Whether `got` is what the check expects. */
  passed: boolean;
  /** Why the check could not run or why it failed, in one sentence, when that is not obvious from got. */
  reason?: string;
  /**
   * The evaluation that decided the call, step by step, when the grader could rebuild it; when
   * the actor could not get a session, the evaluation of the refused AssumeRole.
   */
  explanation?: AuthorizeResult;
  /**
   * The statements of the learner's own documents that decided `explanation` (the Deny that
   * denied, or the Allows that granted), with their ranges for the editor; absent when none did.
   */
  deciding?: DecidingStatement[];
}

/** One graded prediction question. */
export interface PredictionResult {
  /** The question id. */
  id: string;
  /** The question as the exercise asks it. */
  question: string;
  /** Who makes the call, in words. */
  actor: string;
  /** The call in words. */
  request: string;
  /** What the learner picked; absent when the question was left unanswered. */
  answer?: PredictionChoice;
  /**
   * What the simulator decided: allowed, or which kind of deny. Absent when the call failed for
   * a reason that is not an authorization decision (see reason).
   */
  engine?: PredictionChoice;
  /** The learner's answer is the engine's. */
  passed: boolean;
  /** What the call returned. */
  got?: Outcome;
  /** Why the engine has no answer, or why the call could not be made. */
  reason?: string;
  /** The evaluation that decided the call (or the refused AssumeRole), step by step. */
  explanation?: AuthorizeResult;
}

/** One least-privilege finding. */
export interface LintFinding {
  /** `mustDeny` for an over-broad probe that was allowed; `flag` for a review flag. */
  rule: 'mustDeny' | 'flag';
  /** What is too broad, in one sentence. */
  message: string;
  /** The editable a flag was raised on. */
  editable?: string;
  /** The review flag code, for `flag` findings. */
  flag?: FlagCode;
  /** The probe's request text. */
  request?: string;
}

/** The result of grading an exercise. */
export interface GradeResult {
  /** Each edited document: issues with ranges, installed or not. */
  documents: DocumentResult[];
  /** Each check, in the exercise's order. */
  checks: CheckResult[];
  /** Each prediction question, in the exercise's order (empty when it has none). */
  predictions: PredictionResult[];
  /** How many checks passed, plus how many predictions were right. */
  passedCount: number;
  /** How many checks and prediction questions there are. */
  total: number;
  /** "N of M checks passed", "N of M answers right", or both joined. */
  summary: string;
  /** Least-privilege findings; empty when the answer is tight (or the exercise has no lint). */
  lint: LintFinding[];
  /** Every check passed, every prediction was right and no lint finding. */
  solved: boolean;
}
