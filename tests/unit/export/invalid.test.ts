/**
 * A learner's document may be anything they typed: the export still comes out, writes the text
 * as it is into the scripts (AWS will name the problem), and says what it could not use.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseExercise } from '../../../src/exercises/index.ts';
import { exportExercise } from '../../../src/exercises/export/index.ts';

const file = resolve(import.meta.dirname, '../../../content/exercises/least-privilege-photos.json');
const parsed = parseExercise(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const exercise = parsed.exercise;
const id = exercise.editable[0]?.id ?? '';

describe('export of a document that is not valid JSON', () => {
  const out = exportExercise(exercise, { [id]: '{ "Version": "2012-10-17", "Statement": [ oops' });

  it('keeps the text in the build script', () => {
    expect(out.build.text).toContain('"Statement": [ oops');
  });

  it('leaves the document out of the template with a note instead of a broken property', () => {
    const template = JSON.parse(out.templates[0]?.text ?? '{}') as {
      Metadata: { 'Rolelab::Notes': string[] };
    };
    expect(template.Metadata['Rolelab::Notes'].join(' ')).toMatch(/not valid JSON/);
  });

  it('writes no expected decision it cannot know', () => {
    const affected = out.calls.filter((c) => c.command !== undefined && c.expected === undefined);
    expect(affected.length).toBeGreaterThan(0);
    expect(out.simulate.text).toContain('Expected EvalDecision: unknown');
  });
});

describe('ids the simulator made up that no variable can stand for', () => {
  it('asks for the real organization id by a MANUAL STEP', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdef1234' } },
        },
      ],
    });
    const out = exportExercise(exercise, { [id]: policy });
    expect(out.build.text).toMatch(
      /# MANUAL STEP: the documents name the simulated organization ids o-abcdef1234/,
    );
  });
});

describe('a terminal history without here-document bodies (saved before the history kept them)', () => {
  it('comments out a here-document whose text was not recorded, so bash does not swallow the rest', () => {
    const file2 = resolve(
      import.meta.dirname,
      '../../../content/exercises/fed-cli-oidc-provider-role.json',
    );
    const p = parseExercise(JSON.parse(readFileSync(file2, 'utf8')));
    if (!p.ok) throw new Error(p.errors.join('\n'));
    const out = exportExercise(p.exercise, {
      terminal:
        "cat > trust.json <<'EOF'\naws iam create-role --role-name X --assume-role-policy-document file://trust.json",
    });
    expect(out.build.text).toContain(
      "# MANUAL STEP (the here-document's text was not recorded; type it again): cat > trust.json <<'EOF'",
    );
    expect(out.build.text).toContain('\naws iam create-role --role-name X');
  });
});

describe('a terminal history with here-documents and policy-editor lines', () => {
  const file3 = resolve(import.meta.dirname, '../../../content/exercises/fed-cli-oidc-provider-role.json');
  const p = parseExercise(JSON.parse(readFileSync(file3, 'utf8')));
  if (!p.ok) throw new Error(p.errors.join('\n'));

  it('copies a recorded here-document whole, even a body line that looks like a command', () => {
    const terminal = ["cat > notes.txt <<'EOF'", 'vim is not run here', 'EOF', 'cat notes.txt'].join('\n');
    const out = exportExercise(p.exercise, { terminal });
    expect(out.build.text).toContain(terminal);
    expect(out.build.text).not.toContain('MANUAL STEP (you wrote');
  });

  it('comments out a line that opened the policy editor, naming the file to create', () => {
    const out = exportExercise(p.exercise, {
      terminal: 'edit trust.json\naws iam create-role --role-name X --assume-role-policy-document file://trust.json',
    });
    expect(out.build.text).toContain(
      "# MANUAL STEP (you wrote trust.json in Rolelab's policy editor: create it with the same text): edit trust.json",
    );
    expect(out.build.text).toContain('\naws iam create-role --role-name X');
  });
});
