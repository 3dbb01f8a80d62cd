/** The parser's guarantees towards its callers: no throw, no catalog import, plain data out. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors, parsePolicy } from '../../../src/sim/policy/index.ts';
import type { IamCatalog } from '../../../src/sim/policy/index.ts';
import { codes, doc, parse } from './helpers.ts';

describe('robustness', () => {
  it('turns a failure inside the checker into an INTERNAL_ERROR issue instead of throwing', () => {
    const broken = {
      source: 'test',
      get services(): IamCatalog['services'] {
        throw new Error('catalog exploded');
      },
    } as IamCatalog;
    const result = parsePolicy(
      doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
      'identity',
      { catalog: broken },
    );
    expect(result.policy).toBeNull();
    expect(codes(result)).toEqual(['INTERNAL_ERROR']);
    expect(result.issues[0]?.message).toContain('catalog exploded');
  });

  it('returns plain JSON-serialisable data', () => {
    const result = parse(
      doc({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'x',
        Condition: { StringEquals: { 'aws:username': ['a', 1, true] } },
      }),
    );
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('hasErrors ignores warnings', () => {
    expect(hasErrors(parse(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })))).toBe(
      false,
    );
    expect(
      hasErrors(
        parse(doc({ Effect: 'Allow', Action: 's3:GetObjects', Resource: '*' }), 'identity', true),
      ),
    ).toBe(false);
    expect(hasErrors(parse(doc({ Effect: 'Allow', Action: 's3:GetObject' })))).toBe(true);
  });

  it('handles large documents quickly enough for an editor', () => {
    const statements = Array.from({ length: 300 }, (_, i) => ({
      Sid: `S${i}`,
      Effect: 'Allow',
      Action: ['s3:GetObject', 'ec2:Describe*'],
      Resource: `arn:aws:s3:::b${i}/*`,
      Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
    }));
    const result = parse(doc(...statements), 'identity', true);
    expect(result.policy?.statements).toHaveLength(300);
  });
});

describe('purity of src/sim/policy', () => {
  const dir = join(import.meta.dirname, '../../../src/sim/policy');
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('never imports the generated catalog (the editor loads it lazily)', () => {
    const importsGenerated = /(from\s+|import\s*\(\s*)['"][^'"]*(iam-catalog|generated\/)/;
    for (const file of sources)
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(importsGenerated);
  });

  it('keeps every file under ~400 lines', () => {
    for (const file of sources)
      expect(readFileSync(join(dir, file), 'utf8').split('\n').length, file).toBeLessThanOrEqual(
        400,
      );
  });
});
