/** Shared helpers for the policy review tests. */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/sim/policy/index.ts';
import type { IamCatalog, Policy, PolicyKind } from '../../../src/sim/policy/index.ts';
import { readPolicy, reviewPolicy } from '../../../src/sim/review/index.ts';
import type { FlagCode, ReviewFlag, ReviewOptions } from '../../../src/sim/review/index.ts';
import catalogJson from '../../../src/generated/iam-catalog.json';

/** The generated catalog, typed. Run `node scripts/gen-catalog.mjs` first. */
export const catalog: IamCatalog = catalogJson;

/** A policy document with Version 2012-10-17 and the given statements. */
export function doc(...statements: Record<string, unknown>[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

/** Parses a document (as the editor would: pretty-printed) and fails loudly when there is no policy. */
export function parsed(document: unknown, kind: PolicyKind): Policy {
  const { policy } = parsePolicy(document, kind, { catalog });
  if (policy === null) throw new Error(`no policy parsed from ${JSON.stringify(document)}`);
  return policy;
}

/** The sentences of a document, statement by statement. */
export function sentences(
  document: unknown,
  kind: PolicyKind,
  options: ReviewOptions = {},
): string[] {
  return readPolicy(parsed(document, kind), options).statements.map((s) => s.sentence);
}

/** The sentences joined, for key-phrase assertions. */
export function reading(document: unknown, kind: PolicyKind, options: ReviewOptions = {}): string {
  return sentences(document, kind, options).join(' ');
}

/** The flags of a document. */
export function flags(
  document: unknown,
  kind: PolicyKind,
  options: ReviewOptions = {},
): ReviewFlag[] {
  return reviewPolicy(parsed(document, kind), options).flags;
}

/** The flag codes of a document, sorted, without duplicates. */
export function flagCodes(
  document: unknown,
  kind: PolicyKind,
  options: ReviewOptions = {},
): string[] {
  return [...new Set(flags(document, kind, options).map((f) => f.code))].sort();
}

/** A flagged document and its safe twin(s), for one flag code. */
export interface Twin {
  code: FlagCode;
  kind: PolicyKind;
  /** Documents that must raise the flag. */
  flagged: Record<string, unknown>[];
  /** Documents that must not raise it. */
  safe: Record<string, unknown>[];
  options?: ReviewOptions;
}

/** One describe per flag code, one test per document. */
export function runTwins(twins: readonly Twin[]): void {
  describe('flagged vs safe twins', () => {
    for (const twin of twins) {
      describe(twin.code, () => {
        it.each(twin.flagged.map((d, i) => [i, d] as const))('flagged #%i', (_i, d) => {
          expect(flagCodes(d, twin.kind, twin.options)).toContain(twin.code);
        });
        it.each(twin.safe.map((d, i) => [i, d] as const))('safe #%i', (_i, d) => {
          expect(flagCodes(d, twin.kind, twin.options)).not.toContain(twin.code);
        });
      });
    }
  });
}
