/**
 * Instance-profile associations: AssociateIamInstanceProfile, ReplaceIamInstanceProfileAssociation,
 * DisassociateIamInstanceProfile, DescribeIamInstanceProfileAssociations (Amazon EC2 API
 * Reference). An instance has at most one association; associating and replacing need iam:PassRole
 * for the new profile's role (EC2 User Guide, "Attach an IAM role to an instance").
 *
 * Changing the association drops the credentials IMDS was serving, so the next IMDS request
 * gets credentials for the new role (or none); sessions already handed out stay valid until they
 * expire, as in AWS.
 */
import { newAssociation } from '../../world/ec2-records.ts';
import type { Ec2Instance } from '../../world/ec2-types.ts';
import type { CallEnv } from '../access.ts';
import { fail, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import type { AwsError } from '../types.ts';
import { authorizedInstance, authorizeEc2, findProfile, instanceArn, instanceTagContext, isError, passProfileRole, readProfileSpec, requiredParam, visibleInstances } from './common.ts';
import { associationNotFound, incorrectState, missingParameter } from './errors.ts';

/** The association element of the responses. */
function associationShape(i: Ec2Instance, state: string): Record<string, unknown> {
  const a = i.profile;
  return a === null ? {} : { AssociationId: a.associationId, InstanceId: i.instanceId, IamInstanceProfile: { Arn: a.instanceProfileArn, Id: a.instanceProfileId }, State: state };
}

/** The instance holding an association id. */
function byAssociation(env: CallEnv, id: string): Ec2Instance | AwsError {
  return visibleInstances(env).find((i) => i.profile?.associationId === id) ?? associationNotFound(id);
}

const associate: Operation = {
  readOnly: false,
  run(env, p) {
    const id = requiredParam(p, 'InstanceId');
    if (isError(id)) return fail(id);
    const spec = readProfileSpec(p, true);
    if (spec === undefined || isError(spec)) return fail(spec ?? missingParameter('IamInstanceProfile'));
    const instance = authorizedInstance(env, id, 'ec2:AssociateIamInstanceProfile');
    if (isError(instance)) return fail(instance);
    const profile = findProfile(env, spec);
    if (isError(profile)) return fail(profile);
    const passDenied = passProfileRole(env, profile);
    if (passDenied !== undefined) return fail(passDenied);
    if (instance.state === 'terminated') return fail(incorrectState(`The instance '${instance.instanceId}' is not in a valid state for this operation.`));
    if (instance.profile !== null) return fail(incorrectState(`There is an existing association for instance ${instance.instanceId}`));
    instance.profile = newAssociation(env.world, profile);
    instance.credentials = null;
    return ok({ IamInstanceProfileAssociation: associationShape(instance, 'associating') });
  },
};

const replace: Operation = {
  readOnly: false,
  run(env, p) {
    const id = requiredParam(p, 'AssociationId');
    if (isError(id)) return fail(id);
    const spec = readProfileSpec(p, true);
    if (spec === undefined || isError(spec)) return fail(spec ?? missingParameter('IamInstanceProfile'));
    const instance = byAssociation(env, id);
    if (isError(instance)) return fail(instance);
    const denied = authorizeEc2(env, 'ec2:ReplaceIamInstanceProfileAssociation', instanceArn(instance.region, instance.accountId, instance.instanceId), instanceTagContext(instance));
    if (denied !== undefined) return fail(denied);
    const profile = findProfile(env, spec);
    if (isError(profile)) return fail(profile);
    const passDenied = passProfileRole(env, profile);
    if (passDenied !== undefined) return fail(passDenied);
    instance.profile = newAssociation(env.world, profile);
    instance.credentials = null;
    return ok({ IamInstanceProfileAssociation: associationShape(instance, 'associating') });
  },
};

const disassociate: Operation = {
  readOnly: false,
  run(env, p) {
    const id = requiredParam(p, 'AssociationId');
    if (isError(id)) return fail(id);
    const instance = byAssociation(env, id);
    if (isError(instance)) return fail(instance);
    const denied = authorizeEc2(env, 'ec2:DisassociateIamInstanceProfile', instanceArn(instance.region, instance.accountId, instance.instanceId), instanceTagContext(instance));
    if (denied !== undefined) return fail(denied);
    const shape = associationShape(instance, 'disassociating');
    instance.profile = null;
    instance.credentials = null;
    return ok({ IamInstanceProfileAssociation: shape });
  },
};

const describeAssociations: Operation = {
  readOnly: true,
  run(env, p) {
    const denied = authorizeEc2(env, 'ec2:DescribeIamInstanceProfileAssociations', '*');
    if (denied !== undefined) return fail(denied);
    const raw = p.value('AssociationIds');
    const ids = Array.isArray(raw) ? raw.map(String) : undefined;
    for (const id of ids ?? []) if (isError(byAssociation(env, id))) return fail(associationNotFound(id));
    const list = visibleInstances(env)
      .filter((i) => i.profile !== null && (ids === undefined || ids.includes(i.profile.associationId)))
      .map((i) => associationShape(i, 'associated'));
    return ok({ IamInstanceProfileAssociations: list });
  },
};

/** The association operations by name. */
export const ASSOCIATION_OPERATIONS: Readonly<Record<string, Operation>> = {
  AssociateIamInstanceProfile: associate,
  ReplaceIamInstanceProfileAssociation: replace,
  DisassociateIamInstanceProfile: disassociate,
  DescribeIamInstanceProfileAssociations: describeAssociations,
};
