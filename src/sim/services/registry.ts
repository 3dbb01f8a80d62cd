/**
 * The services `callAws` can serve right now. Each service's code is loaded on its own (see
 * load.ts): the exercise grader fetches only the services an exercise calls, so a lesson page
 * does not download the whole simulated AWS to grade an IAM trust policy. A service is
 * registered here once its code has arrived; the CLI and the console register them all at once
 * (all.ts).
 */
import type { ServiceDefinition } from './operation.ts';

/** Every service the simulator implements, by API prefix, loaded or not. */
export const SERVICE_NAMES = ['iam', 'sts', 's3', 's3control', 'ec2', 'cloudtrail', 'organizations', 'lambda'] as const;

/** The API prefix of a simulated service. */
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** True for a prefix the simulator implements (whether its code is loaded yet or not). */
export function isServiceName(name: string): name is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(name);
}

// One registry for the page (or the Node process): a definition never changes once loaded.
const loaded = new Map<string, ServiceDefinition>();

/** The definition of a loaded service; undefined when it is unknown or not loaded yet. */
export function serviceDefinition(name: string): ServiceDefinition | undefined {
  return loaded.get(name);
}

/** True when `callAws` can serve the service now. */
export function isServiceLoaded(name: string): boolean {
  return loaded.has(name);
}

/** Makes services callable (a service registered twice keeps its first definition). */
export function registerServices(definitions: Readonly<Record<string, ServiceDefinition | undefined>>): void {
  for (const [name, definition] of Object.entries(definitions))
    if (definition !== undefined && !loaded.has(name)) loaded.set(name, definition);
}
