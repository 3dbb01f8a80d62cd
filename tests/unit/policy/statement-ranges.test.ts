/** Statement index → range: how a deciding statement is found again in the learner's text. */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/sim/policy/index.ts';
import type { Policy } from '../../../src/sim/policy/index.ts';
import {
  statementLocations,
  statementName,
  statementRange,
} from '../../../src/sim/policy/statement-ranges.ts';

function parsed(text: string): Policy {
  const policy = parsePolicy(text, 'identity').policy;
  if (policy === null) throw new Error('not a policy');
  return policy;
}

/** The text a range covers. */
function slice(
  text: string,
  r: { startLine: number; startColumn: number; endLine: number; endColumn: number },
): string {
  const lines = text.split('\n');
  if (r.startLine === r.endLine)
    return (lines[r.startLine - 1] ?? '').slice(r.startColumn - 1, r.endColumn - 1);
  const middle = lines.slice(r.startLine, r.endLine - 1);
  return [
    (lines[r.startLine - 1] ?? '').slice(r.startColumn - 1),
    ...middle,
    (lines[r.endLine - 1] ?? '').slice(0, r.endColumn - 1),
  ].join('\n');
}

const TWO = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::reports' },
      {
        Sid: 'ReadReports',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::reports/*',
      },
    ],
  },
  null,
  2,
);

describe('statementRange', () => {
  it('covers exactly the statement object at each index, across lines', () => {
    const policy = parsed(TWO);
    const second = statementRange(policy, 1);
    expect(second).toBeDefined();
    const text = slice(TWO, second ?? { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    expect(text.startsWith('{')).toBe(true);
    expect(text.endsWith('}')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ Sid: 'ReadReports' });
    expect(
      JSON.parse(
        slice(
          TWO,
          statementRange(policy, 0) ??
            second ?? { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
        ),
      ),
    ).toMatchObject({
      Action: 's3:ListBucket',
    });
  });

  it('finds a single Statement object at index 0 and nothing past the end', () => {
    const one =
      '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}';
    const policy = parsed(one);
    expect(
      slice(
        one,
        statementRange(policy, 0) ?? { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      ),
    ).toBe('{"Effect":"Deny","Action":"*","Resource":"*"}');
    expect(statementRange(policy, 1)).toBeUndefined();
    expect(statementRange(parsed(TWO), -1)).toBeUndefined();
  });

  it('lists every statement with its index, Sid and effect', () => {
    expect(
      statementLocations(parsed(TWO)).map(({ index, sid, effect }) => ({ index, sid, effect })),
    ).toEqual([
      { index: 0, sid: undefined, effect: 'Allow' },
      { index: 1, sid: 'ReadReports', effect: 'Allow' },
    ]);
  });
});

describe('statementName', () => {
  it('names a statement as it sits in the JSON, with its Sid when it has one', () => {
    expect(statementName(1, 'ReadReports')).toBe('Statement[1] (Sid "ReadReports")');
    expect(statementName(0)).toBe('Statement[0]');
    expect(statementName(2, '')).toBe('Statement[2]');
  });
});
