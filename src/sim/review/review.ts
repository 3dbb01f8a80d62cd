/**
 * `reviewPolicy`: risk flags in the style of IAM Access Analyzer's policy checks, each with a
 * stable code, a severity, the statement and range at fault, and a lesson to learn more.
 */
import type { Policy } from '../policy/index.ts';
import { conditionFlags, versionFlags } from './flags/conditions.ts';
import { federationFlags } from './flags/federation.ts';
import { grantFlags } from './flags/grants.ts';
import { principalFlags } from './flags/principals.ts';
import type { FlagSeverity, PolicyReview, ReviewOptions } from './types.ts';

/** Sort order: the most urgent first, then by position in the document. */
const SEVERITY_ORDER: Readonly<Record<FlagSeverity, number>> = { high: 0, medium: 1, low: 2 };

/** Reviews a parsed policy. Pure and deterministic; never throws on a policy the parser returned. */
export function reviewPolicy(policy: Policy, options: ReviewOptions = {}): PolicyReview {
  const kind = options.kind ?? policy.kind;
  const flags = [
    ...policy.statements.flatMap((statement) => [
      ...grantFlags(statement, kind),
      ...principalFlags(statement, kind, options),
      ...federationFlags(statement, kind),
      ...conditionFlags(statement),
    ]),
    ...versionFlags(policy),
  ];
  flags.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.statementIndex - b.statementIndex ||
      a.range.startLine - b.range.startLine ||
      a.range.startColumn - b.range.startColumn,
  );
  return { flags };
}
