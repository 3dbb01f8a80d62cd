/** Shared actors and resources for the decision tests. A owns the resources; B is another account. */
import type { PrincipalInput } from '../../../src/sim/authz/index.ts';

export const A = '111122223333';
export const B = '444455556666';

export const BUCKET = 'arn:aws:s3:::demo-bucket';
export const OBJECT = 'arn:aws:s3:::demo-bucket/reports/q1.csv';

export const ALICE_ARN = `arn:aws:iam::${A}:user/alice`;
export const alice: PrincipalInput = { arn: ALICE_ARN };

export const ROLE_ARN = `arn:aws:iam::${A}:role/Reader`;
export const SESSION_ARN = `arn:aws:sts::${A}:assumed-role/Reader/app`;
export const readerSession: PrincipalInput = { arn: SESSION_ARN };

export const FEDERATED_ARN = `arn:aws:sts::${A}:federated-user/Bob`;
export const federatedBob: PrincipalInput = { arn: FEDERATED_ARN, federatingUserArn: ALICE_ARN };

export const ROOT_A: PrincipalInput = { arn: `arn:aws:iam::${A}:root` };
export const ROOT_B: PrincipalInput = { arn: `arn:aws:iam::${B}:root` };

export const CAROL_B_ARN = `arn:aws:iam::${B}:user/carol`;
export const carolB: PrincipalInput = { arn: CAROL_B_ARN };
export const B_ROLE_ARN = `arn:aws:iam::${B}:role/Partner`;
export const B_SESSION_ARN = `arn:aws:sts::${B}:assumed-role/Partner/job`;
export const partnerSession: PrincipalInput = { arn: B_SESSION_ARN };

export const anonymous: PrincipalInput = { arn: 'anonymous' };
