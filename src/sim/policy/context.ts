/** What every element validator needs while walking one document. */
import type { IamCatalog } from './catalog.ts';
import type { IssueSink } from './issues.ts';
import type { KindRules } from './kinds.ts';
import type { PolicyKind } from './types.ts';

/** Shared state of one parse. */
export interface WalkContext {
  /** The JSON text being parsed (ranges and raw number text come from it). */
  text: string;
  kind: PolicyKind;
  rules: KindRules;
  sink: IssueSink;
  /** True when Version is 2012-10-17, the only version in which `${…}` variables are substituted. */
  variablesActive: boolean;
  /** The IAM catalog, when the caller has one; enables the unknown-action and unknown-key warnings. */
  catalog?: IamCatalog;
}
