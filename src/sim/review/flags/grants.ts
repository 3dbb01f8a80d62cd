/**
 * Checks on what an Allow grants: full admin, PassRole on every role, IAM privilege escalation,
 * s3:* on everything, and Allow combined with NotAction / NotResource.
 */
import type { PolicyKind, Statement } from '../../policy/index.ts';
import type { ReviewFlag } from '../types.ts';
import {
  actionMatching,
  allActions,
  broadIamResource,
  flag,
  GRANTING_KINDS,
  starResource,
} from './helpers.ts';

/**
 * IAM actions that let a caller raise its own (or a usable role's) permissions when they are
 * allowed on any user, group, role or policy (the well-known escalation paths).
 */
export const ESCALATION_ACTIONS: readonly string[] = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:UpdateAssumeRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:AddUserToGroup',
  'iam:DeleteUserPermissionsBoundary',
  'iam:DeleteRolePermissionsBoundary',
  'iam:PutUserPermissionsBoundary',
  'iam:PutRolePermissionsBoundary',
];

/** Whether some Resource value of the statement covers every IAM entity of a type (or everything). */
function broadIam(statement: Statement): boolean {
  return (statement.resource ?? []).some((r) => broadIamResource(r.value));
}

/** Checks one Allow statement of a granting policy. */
export function grantFlags(statement: Statement, kind: PolicyKind): ReviewFlag[] {
  if (statement.effect !== 'Allow' || !GRANTING_KINDS.has(kind)) return [];
  const flags: ReviewFlag[] = [];
  if (statement.notAction !== undefined) {
    flags.push(
      flag('ALLOW_WITH_NOT_ACTION', statement, statement.notAction[0]?.range ?? statement.range),
    );
  }
  if (statement.notResource !== undefined) {
    flags.push(
      flag(
        'ALLOW_WITH_NOT_RESOURCE',
        statement,
        statement.notResource[0]?.range ?? statement.range,
      ),
    );
  }
  // The remaining checks are about identities: in a resource policy "*" means "everything on
  // this resource" (a KMS key policy's kms:* for the account is the documented default).
  if (kind !== 'identity') return flags;
  const star = allActions(statement);
  const everyResource = starResource(statement);
  if (star !== undefined && everyResource !== undefined) {
    // Full admin subsumes every narrower finding on this statement: one flag, not five.
    return [...flags, flag('FULL_ADMIN_ACCESS', statement, star.range)];
  }
  if (star !== undefined) return flags;
  // PassRole is risky on "*" or on every role (`role/*`); a path or a named role is fine.
  if (broadIam(statement)) {
    const passRole = actionMatching(statement, 'iam:PassRole');
    if (passRole !== undefined)
      flags.push(flag('PASS_ROLE_ANY_RESOURCE', statement, passRole.range));
  }
  if (broadIam(statement)) {
    const escalation = ESCALATION_ACTIONS.map((a) => actionMatching(statement, a)).find(
      (a) => a !== undefined,
    );
    if (escalation !== undefined)
      flags.push(flag('PRIVILEGE_ESCALATION', statement, escalation.range));
  }
  const s3All = statement.action?.find((a) => a.value.toLowerCase() === 's3:*');
  const s3Everything = (statement.resource ?? []).some(
    (r) => r.value === '*' || r.value === 'arn:aws:s3:::*',
  );
  if (s3All !== undefined && s3Everything)
    flags.push(flag('S3_FULL_ACCESS_ALL_RESOURCES', statement, s3All.range));
  return flags;
}
