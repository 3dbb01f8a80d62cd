/**
 * Every simulated service, imported statically and registered as soon as this module is
 * evaluated. The terminal's CLI and the console import it: they accept any command at any
 * moment, and have no point at which to wait for a service to load. The `services` barrel
 * re-exports it too, so the rest of the app and the tests see the whole simulator as before.
 * The exercise grader does not: it loads only what an exercise calls (load.ts).
 */
import { callAws } from './call.ts';
import { CLOUDTRAIL_SERVICE } from './cloudtrail/index.ts';
import { EC2_SERVICE } from './ec2/index.ts';
import { IAM_SERVICE } from './iam/index.ts';
import { lambdaService } from './lambda/index.ts';
import type { ServiceDefinition } from './operation.ts';
import { ORGANIZATIONS_SERVICE } from './organizations/index.ts';
import { registerServices } from './registry.ts';
import { S3_CONTROL_SERVICE } from './s3/index.ts';
import { S3_WITH_NOTIFICATIONS } from './s3/with-notifications.ts';
import { STS_SERVICE } from './sts/index.ts';

/** The services the simulator implements, by their API prefix. */
export const SERVICES: Readonly<Record<string, ServiceDefinition>> = {
  iam: IAM_SERVICE,
  sts: STS_SERVICE,
  s3: S3_WITH_NOTIFICATIONS,
  s3control: S3_CONTROL_SERVICE,
  ec2: EC2_SERVICE,
  cloudtrail: CLOUDTRAIL_SERVICE,
  organizations: ORGANIZATIONS_SERVICE,
  // Lambda runs handlers through callAws itself.
  lambda: lambdaService(callAws),
};

registerServices(SERVICES);

/** The names of the operations a service implements (for the CLI's command table and for docs). */
export function operationsOf(service: string): string[] {
  return Object.keys(SERVICES[service]?.operations ?? {}).sort();
}
