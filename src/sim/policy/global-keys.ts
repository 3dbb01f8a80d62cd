/**
 * The global condition context keys AWS documents on "AWS global condition context keys"
 * (IAM User Guide, reference_policies_condition-keys.html). They are valid with every service,
 * so the unknown-key warning must never fire for them. Names ending in `/` take a tag key or
 * similar suffix (`aws:ResourceTag/Project`).
 *
 * Kept by hand rather than generated: the service data lists only the three tag keys.
 */

/** One global key and its value type as the AWS page states it. */
export interface GlobalConditionKey {
  name: string;
  type:
    'String' | 'ARN' | 'Bool' | 'Date' | 'Numeric' | 'IPAddress' | 'ArrayOfString' | 'ArrayOfARN';
}

/** Every documented global key (principal, network, resource, request and session properties). */
export const GLOBAL_CONDITION_KEYS: readonly GlobalConditionKey[] = [
  // Properties of the principal
  { name: 'aws:PrincipalArn', type: 'ARN' },
  { name: 'aws:PrincipalAccount', type: 'String' },
  { name: 'aws:PrincipalOrgPaths', type: 'ArrayOfString' },
  { name: 'aws:PrincipalOrgID', type: 'String' },
  { name: 'aws:PrincipalTag/', type: 'String' },
  { name: 'aws:PrincipalIsAWSService', type: 'Bool' },
  { name: 'aws:PrincipalServiceName', type: 'String' },
  { name: 'aws:PrincipalServiceNamesList', type: 'ArrayOfString' },
  { name: 'aws:PrincipalType', type: 'String' },
  { name: 'aws:userid', type: 'String' },
  { name: 'aws:username', type: 'String' },
  { name: 'aws:AssumedRoot', type: 'String' },
  // Properties of a role session
  { name: 'aws:FederatedProvider', type: 'String' },
  { name: 'aws:TokenIssueTime', type: 'Date' },
  { name: 'aws:MultiFactorAuthAge', type: 'Numeric' },
  { name: 'aws:MultiFactorAuthPresent', type: 'Bool' },
  { name: 'aws:ChatbotSourceArn', type: 'ARN' },
  { name: 'aws:Ec2InstanceSourceVpc', type: 'String' },
  { name: 'aws:Ec2InstanceSourcePrivateIPv4', type: 'IPAddress' },
  { name: 'aws:SourceIdentity', type: 'String' },
  // The same page lists these role-credential keys although they carry a service prefix.
  { name: 'ec2:RoleDelivery', type: 'Numeric' },
  { name: 'ec2:SourceInstanceArn', type: 'ARN' },
  { name: 'glue:RoleAssumedBy', type: 'String' },
  { name: 'glue:CredentialIssuingService', type: 'String' },
  { name: 'lambda:SourceFunctionArn', type: 'ARN' },
  { name: 'ssm:SourceInstanceArn', type: 'ARN' },
  { name: 'identitystore:UserId', type: 'String' },
  // Properties of the network
  { name: 'aws:SourceIp', type: 'IPAddress' },
  { name: 'aws:SourceVpc', type: 'String' },
  { name: 'aws:SourceVpcArn', type: 'ARN' },
  { name: 'aws:SourceVpce', type: 'String' },
  { name: 'aws:VpceAccount', type: 'String' },
  { name: 'aws:VpceOrgPaths', type: 'ArrayOfString' },
  { name: 'aws:VpceOrgID', type: 'String' },
  { name: 'aws:VpcSourceIp', type: 'IPAddress' },
  // Properties of the resource
  { name: 'aws:ResourceAccount', type: 'String' },
  { name: 'aws:ResourceOrgID', type: 'String' },
  { name: 'aws:ResourceOrgPaths', type: 'ArrayOfString' },
  { name: 'aws:ResourceTag/', type: 'String' },
  // Properties of the request
  { name: 'aws:CalledVia', type: 'ArrayOfString' },
  { name: 'aws:CalledViaFirst', type: 'String' },
  { name: 'aws:CalledViaLast', type: 'String' },
  { name: 'aws:CalledViaAWSMCP', type: 'String' },
  { name: 'aws:ViaAWSService', type: 'Bool' },
  { name: 'aws:ViaAWSMCPService', type: 'Bool' },
  { name: 'aws:IsMcpServiceAction', type: 'Bool' },
  { name: 'aws:CurrentTime', type: 'Date' },
  { name: 'aws:EpochTime', type: 'Date' },
  { name: 'aws:referer', type: 'String' },
  { name: 'aws:RequestedRegion', type: 'String' },
  { name: 'aws:RequestTag/', type: 'String' },
  { name: 'aws:TagKeys', type: 'ArrayOfString' },
  { name: 'aws:SecureTransport', type: 'Bool' },
  { name: 'aws:SourceArn', type: 'ARN' },
  { name: 'aws:SourceAccount', type: 'String' },
  { name: 'aws:SourceOwner', type: 'String' },
  { name: 'aws:SourceOrgPaths', type: 'ArrayOfString' },
  { name: 'aws:SourceOrgID', type: 'String' },
  { name: 'aws:UserAgent', type: 'String' },
];
