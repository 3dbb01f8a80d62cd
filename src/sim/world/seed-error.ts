/** The error `createWorld` throws for a seed that does not hold together. */
export class WorldSeedError extends Error {
  /** Each problem as `path: message`. */
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid world seed:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'WorldSeedError';
    this.issues = issues;
  }
}
