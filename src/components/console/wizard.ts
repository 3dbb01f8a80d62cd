/**
 * The rules of the simulated console, as plain functions: the trust policy the IAM console
 * writes for a service role, the checks on the role name and description, the managed-policy
 * filter, and the API calls that "Create role" and "Launch instance" make.
 *
 * Nothing here touches the simulator at run time (types only), so the island can import it
 * up front and still load the simulated AWS only when the learner reaches the console.
 */
import type { AwsManagedPolicy } from '../../sim/world/managed-catalog.ts';

/** A service use case on step 1 of the Create role wizard. */
export interface UseCase {
  /** Form value. */
  id: 'ec2' | 'lambda';
  /** The service as the console lists it. */
  label: string;
  /** The service principal the generated trust policy names. */
  principal: string;
  /** The default role description the console fills in for this use case. */
  description: string;
  /**
   * Whether the console also creates an instance profile with the role's name: it does for
   * EC2 roles only (IAM User Guide, "Use instance profiles").
   */
  instanceProfile: boolean;
}

/** The use cases this console offers, in the order it lists them. */
export const USE_CASES: readonly UseCase[] = [
  {
    id: 'ec2',
    label: 'EC2',
    principal: 'ec2.amazonaws.com',
    description: 'Allows EC2 instances to call AWS services on your behalf.',
    instanceProfile: true,
  },
  {
    id: 'lambda',
    label: 'Lambda',
    principal: 'lambda.amazonaws.com',
    description: 'Allows Lambda functions to call AWS services on your behalf.',
    instanceProfile: false,
  },
];

/** The use case with this id, or undefined. */
export function useCaseById(id: string): UseCase | undefined {
  return USE_CASES.find((u) => u.id === id);
}

/**
 * The trust policy the IAM console generates for an AWS service use case, byte for byte as it
 * shows it on the review step: four-space indent, `Action` and the service written as
 * one-element lists (which mean the same as plain strings).
 */
export function consoleTrustPolicy(useCase: UseCase): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRole'],
          Principal: { Service: [useCase.principal] },
        },
      ],
    },
    null,
    4,
  );
}

/** IAM's limit on role names (CreateRole, RoleName). */
export const ROLE_NAME_MAX = 64;
/** IAM's limit on role descriptions (CreateRole, Description). */
export const DESCRIPTION_MAX = 1000;

/**
 * Why a role name would be refused, in the console's words, or undefined when it is fine.
 * IAM allows letters, digits and `+=,.@_-`, 1–64 characters; names are unique in an account
 * regardless of case, which is why `existing` is compared case-insensitively.
 */
export function roleNameProblem(
  name: string,
  existing: readonly string[] = [],
): string | undefined {
  if (name.length === 0) return 'Enter a role name.';
  if (name.length > ROLE_NAME_MAX)
    return `The role name can have up to ${ROLE_NAME_MAX} characters; this one has ${name.length}.`;
  const bad = [...name].find((ch) => !/[\w+=,.@-]/.test(ch));
  if (bad !== undefined)
    return `The role name cannot contain “${bad === ' ' ? 'a space' : bad}”. Use letters, digits and + = , . @ _ - only.`;
  const clash = existing.find((e) => e.toLowerCase() === name.toLowerCase());
  if (clash !== undefined)
    return `A role named ${clash} already exists in this account. Role names are unique regardless of case.`;
  return undefined;
}

/** Why a description would be refused, or undefined when it is fine (IAM's Description pattern). */
export function descriptionProblem(text: string): string | undefined {
  if (text.length > DESCRIPTION_MAX)
    return `The description can have up to ${DESCRIPTION_MAX} characters; this one has ${text.length}.`;
  // CreateRole accepts tab, line breaks, printable ASCII and Latin-1 letters; nothing else.
  const bad = [...text].find((ch) => !/[\t\n\r\u0020-\u007e\u00a1-\u00ff]/.test(ch));
  if (bad !== undefined)
    return `The description cannot contain “${bad}”. Use letters, digits, spaces and common punctuation.`;
  return undefined;
}

/** The managed policies whose name or description contains every word of `query`, by name. */
export function filterPolicies(
  catalog: readonly AwsManagedPolicy[],
  query: string,
): AwsManagedPolicy[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  return catalog
    .filter((p) =>
      words.every(
        (w) => p.policyName.toLowerCase().includes(w) || p.description.toLowerCase().includes(w),
      ),
    )
    .sort((a, b) => a.policyName.localeCompare(b.policyName));
}

/** One simulated API call, in AWS's own names. */
export interface ApiCall {
  service: 'iam' | 'ec2';
  operation: string;
  params: Record<string, unknown>;
}

/** What the Create role wizard collected. */
export interface RoleDraft {
  useCase: UseCase;
  /** ARNs of the ticked managed policies. */
  policyArns: string[];
  name: string;
  description: string;
}

/**
 * The calls "Create role" makes, in order: CreateRole, one AttachRolePolicy per policy, then
 * for EC2 roles CreateInstanceProfile and AddRoleToInstanceProfile with the role's name. The
 * console runs them one by one and stops at the first error.
 */
export function createRoleCalls(draft: RoleDraft): ApiCall[] {
  const calls: ApiCall[] = [
    {
      service: 'iam',
      operation: 'CreateRole',
      params: {
        RoleName: draft.name,
        AssumeRolePolicyDocument: consoleTrustPolicy(draft.useCase),
        ...(draft.description === '' ? {} : { Description: draft.description }),
      },
    },
    ...draft.policyArns.map((arn): ApiCall => ({
      service: 'iam',
      operation: 'AttachRolePolicy',
      params: { RoleName: draft.name, PolicyArn: arn },
    })),
  ];
  if (draft.useCase.instanceProfile) {
    calls.push(
      {
        service: 'iam',
        operation: 'CreateInstanceProfile',
        params: { InstanceProfileName: draft.name },
      },
      {
        service: 'iam',
        operation: 'AddRoleToInstanceProfile',
        params: { InstanceProfileName: draft.name, RoleName: draft.name },
      },
    );
  }
  return calls;
}

/** An AMI the launch form offers. */
export interface ImageChoice {
  id: string;
  label: string;
}

/** The AMIs on the launch form (ids are the documentation's example ids, not real images). */
export const IMAGES: readonly ImageChoice[] = [
  { id: 'ami-0abcdef1234567890', label: 'Amazon Linux 2023 AMI' },
  { id: 'ami-0123456789abcdef0', label: 'Ubuntu Server 24.04 LTS' },
];

/** The instance types on the launch form. */
export const INSTANCE_TYPES: readonly string[] = ['t2.micro', 't3.micro', 't3.small'];

/** What the Launch instance form collected. */
export interface LaunchDraft {
  name: string;
  imageId: string;
  instanceType: string;
  /** An instance profile name, or '' for none. */
  instanceProfile: string;
  /** `required`: IMDSv2 only; `optional`: IMDSv1 and IMDSv2. */
  httpTokens: 'required' | 'optional';
}

/** Why an instance name would be refused, or undefined (EC2 tag values hold up to 256 characters). */
export function instanceNameProblem(name: string): string | undefined {
  if (name.length > 256)
    return `The name can have up to 256 characters; this one has ${name.length}.`;
  return undefined;
}

/** The RunInstances call the launch form makes: one instance, the Name tag, the metadata version. */
export function launchCall(draft: LaunchDraft): ApiCall {
  const name = draft.name.trim();
  return {
    service: 'ec2',
    operation: 'RunInstances',
    params: {
      ImageId: draft.imageId,
      InstanceType: draft.instanceType,
      MinCount: 1,
      MaxCount: 1,
      MetadataOptions: { HttpTokens: draft.httpTokens, HttpEndpoint: 'enabled' },
      ...(draft.instanceProfile === ''
        ? {}
        : { IamInstanceProfile: { Name: draft.instanceProfile } }),
      ...(name === ''
        ? {}
        : {
            TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }],
          }),
    },
  };
}

/**
 * The calls "Modify IAM role" makes on a running instance, as the EC2 console does: associate a
 * profile when the instance has none, replace the association when it has one, disassociate
 * when "No IAM role" is chosen, and nothing when the choice does not change anything.
 *
 * @param associationId the instance's current association (`iip-assoc-…`), if any
 * @param currentProfile the name of the profile now associated, if any
 * @param profileName the chosen profile, or '' for none
 */
export function modifyRoleCalls(
  instanceId: string,
  associationId: string | undefined,
  currentProfile: string | undefined,
  profileName: string,
): ApiCall[] {
  if (profileName === (currentProfile ?? '')) return [];
  if (associationId === undefined) {
    return profileName === ''
      ? []
      : [
          {
            service: 'ec2',
            operation: 'AssociateIamInstanceProfile',
            params: { InstanceId: instanceId, IamInstanceProfile: { Name: profileName } },
          },
        ];
  }
  if (profileName === '') {
    return [
      {
        service: 'ec2',
        operation: 'DisassociateIamInstanceProfile',
        params: { AssociationId: associationId },
      },
    ];
  }
  return [
    {
      service: 'ec2',
      operation: 'ReplaceIamInstanceProfileAssociation',
      params: { AssociationId: associationId, IamInstanceProfile: { Name: profileName } },
    },
  ];
}

/** The AWS CLI command equivalent to a call, for the "what the console did" log. */
export function cliEquivalent(call: ApiCall): string {
  const p = call.params;
  const s = (k: string): string => String(p[k]);
  switch (call.operation) {
    case 'CreateRole':
      return `aws iam create-role --role-name ${s('RoleName')} --assume-role-policy-document file://trust-policy.json${p['Description'] === undefined ? '' : ` --description "${s('Description')}"`}`;
    case 'AttachRolePolicy':
      return `aws iam attach-role-policy --role-name ${s('RoleName')} --policy-arn ${s('PolicyArn')}`;
    case 'CreateInstanceProfile':
      return `aws iam create-instance-profile --instance-profile-name ${s('InstanceProfileName')}`;
    case 'AddRoleToInstanceProfile':
      return `aws iam add-role-to-instance-profile --instance-profile-name ${s('InstanceProfileName')} --role-name ${s('RoleName')}`;
    case 'AssociateIamInstanceProfile':
      return `aws ec2 associate-iam-instance-profile --instance-id ${s('InstanceId')} --iam-instance-profile Name=${(p['IamInstanceProfile'] as { Name: string }).Name}`;
    case 'ReplaceIamInstanceProfileAssociation':
      return `aws ec2 replace-iam-instance-profile-association --association-id ${s('AssociationId')} --iam-instance-profile Name=${(p['IamInstanceProfile'] as { Name: string }).Name}`;
    case 'DisassociateIamInstanceProfile':
      return `aws ec2 disassociate-iam-instance-profile --association-id ${s('AssociationId')}`;
    case 'RunInstances': {
      const profile = p['IamInstanceProfile'] as { Name: string } | undefined;
      const options = p['MetadataOptions'] as { HttpTokens: string };
      const tags = p['TagSpecifications'] as { Tags: { Value: string }[] }[] | undefined;
      const name = tags?.[0]?.Tags[0]?.Value;
      return [
        `aws ec2 run-instances --image-id ${s('ImageId')} --instance-type ${s('InstanceType')} --count 1`,
        profile === undefined ? '' : ` --iam-instance-profile Name=${profile.Name}`,
        ` --metadata-options HttpTokens=${options.HttpTokens},HttpEndpoint=enabled`,
        // A quote in the name would end the shell's single-quoted word: close, escape, reopen.
        name === undefined
          ? ''
          : ` --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=${name.replaceAll("'", "'\\''")}}]'`,
      ].join('');
    }
    default:
      return `aws ${call.service} ${call.operation}`;
  }
}
