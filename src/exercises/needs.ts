/**
 * Which simulated services grading an exercise calls, so that the grader loads those and no
 * others (see prepareGrading in grade.ts). The content tests grade every exercise with only
 * these loaded and compare with a grading that has them all, so a rule missed here fails a test
 * rather than a learner's check.
 */
import { SERVICE_NAMES } from '../sim/services/registry.ts';
import type { Check, Exercise, Prediction, Probe } from './schema.ts';

/** Every call grading makes on the learner's behalf: checks, prediction questions, lint probes. */
export function gradedCalls(exercise: Exercise): (Check | Prediction | Probe)[] {
  return [...exercise.checks, ...(exercise.predict ?? []), ...(exercise.lint?.mustDeny ?? [])];
}

/** The API prefixes of the services grading `exercise` may call (through callAws). */
export function servicesFor(exercise: Exercise): string[] {
  // Always IAM and STS: actors take their keys with iam:CreateAccessKey and their sessions with
  // sts:AssumeRole or sts:GetSessionToken, and role and user documents install through IAM.
  const needed = new Set<string>(['iam', 'sts']);
  for (const { call } of gradedCalls(exercise)) needed.add(call.service);
  for (const { target } of exercise.editable) {
    // An SCP installs through Organizations, a bucket policy through s3:PutBucketPolicy.
    if ('scp' in target) needed.add('organizations');
    if ('bucket' in target) needed.add('s3');
  }
  // A function's handler makes calls of its own, to any service, whether a check invokes it or
  // S3 does on a stored object (event notifications): then everything may be called.
  const functions = exercise.world.accounts.some((a) => (a.functions ?? []).length > 0);
  if (needed.has('lambda') || (functions && needed.has('s3'))) return [...SERVICE_NAMES];
  return [...needed];
}
