/**
 * The statement ids of a Lambda function policy. AddPermission always sets a StatementId, so a
 * statement written without a Sid (in a document the learner edits whole) is given one:
 * `statement-<n>` for the n-th statement, unless another statement already uses that id, in
 * which case `statement-<n>-2`, `-3`… The same names are used where the simulator stores the
 * policy and where an export turns it back into add-permission and remove-permission commands, so
 * a removal names the statement the simulator holds.
 */

/** Each statement's id, in order: its own Sid, or a generated one no other statement uses. */
export function statementIds(statements: readonly unknown[]): string[] {
  const own = statements.map((st) => {
    const sid = typeof st === 'object' && st !== null ? (st as { Sid?: unknown }).Sid : undefined;
    return typeof sid === 'string' ? sid : undefined;
  });
  const taken = new Set(own.filter((sid): sid is string => sid !== undefined));
  return own.map((sid, i) => {
    if (sid !== undefined) return sid;
    const base = `statement-${i + 1}`;
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    return id;
  });
}

/** The statements with their ids (statementIds) written in, a Sid already there kept in place. */
export function withStatementIds<T extends object>(statements: readonly T[]): (T & { Sid: string })[] {
  const ids = statementIds(statements);
  return statements.map((st, i) => ({ Sid: ids[i] ?? '', ...st }));
}
