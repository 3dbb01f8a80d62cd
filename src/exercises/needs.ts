/**
 * Which simulated services grading an exercise calls, so that the grader loads those and no
 * others (see prepareGrading in grade.ts). The content tests grade every exercise with only
 * these loaded and compare with a grading that has them all, so a rule missed here fails a test
 * rather than a learner's check.
 */
import { isServiceName } from '../sim/services/registry.ts';
import { parseHandlerSpec } from '../sim/world/lambda-records.ts';
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
  // A function's handler makes calls of its own, whether a check invokes it or S3 does on a
  // stored object (event notifications): then the services its steps call are needed too. Only
  // the seed's functions can run: each check starts from the installed world, so a function a
  // check creates is gone before any other call could invoke it.
  const handlers = exercise.world.accounts.flatMap((a) => a.functions ?? []);
  if (handlers.length > 0 && (needed.has('lambda') || needed.has('s3'))) {
    needed.add('lambda');
    for (const f of handlers) {
      const spec = parseHandlerSpec(f.handler);
      // A handler that does not parse was refused when the world was built: it never runs.
      if (typeof spec === 'string') continue;
      for (const step of spec.steps) needed.add(step.call.slice(0, step.call.indexOf(':')));
    }
  }
  return [...needed].filter(isServiceName);
}
