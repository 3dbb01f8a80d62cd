/**
 * Statement ids of a function policy written whole: a statement without a Sid gets
 * `statement-<n>`, never an id another statement already uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statementIds } from '../../../src/sim/services/lambda/statement-ids.ts';

describe('statementIds', () => {
  it('keeps each Sid and numbers the statements without one by position', () => {
    expect(statementIds([{ Sid: 'Events' }, {}, { Sid: 'S3' }, {}])).toEqual(['Events', 'statement-2', 'S3', 'statement-4']);
  });

  it('steps aside from an explicit Sid that has the generated name, wherever it is', () => {
    expect(statementIds([{}, { Sid: 'statement-1' }])).toEqual(['statement-1-2', 'statement-1']);
    expect(statementIds([{ Sid: 'statement-2' }, {}, { Sid: 'statement-2-2' }])).toEqual(['statement-2', 'statement-2-3', 'statement-2-2']);
  });

  it('treats a Sid that is not a string, and a statement that is not an object, as having none', () => {
    expect(statementIds([{ Sid: 7 }, null, 'x'])).toEqual(['statement-1', 'statement-2', 'statement-3']);
  });

  it('gives distinct ids whenever the explicit Sids are distinct', () => {
    const sid = fc.oneof(fc.constantFrom('statement-1', 'statement-2', 'statement-2-2', 'statement-3-2', 'A'), fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/));
    const statements = fc.uniqueArray(fc.option(sid, { nil: undefined }), { maxLength: 8, selector: (s) => s ?? Symbol('none') });
    fc.assert(
      fc.property(statements, (sids) => {
        const list = sids.map((s) => (s === undefined ? {} : { Sid: s }));
        const ids = statementIds(list);
        expect(new Set(ids).size).toBe(ids.length);
        sids.forEach((s, i) => {
          if (s !== undefined) expect(ids[i]).toBe(s);
          else expect(ids[i]).toMatch(new RegExp(`^statement-${i + 1}(-\\d+)?$`));
        });
      }),
    );
  });
});
