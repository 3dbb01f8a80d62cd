/**
 * What every simulated API call takes and returns.
 *
 * Results are data: a call answers `{ ok: true, result }` with the shape the AWS SDK returns, or
 * `{ ok: false, error }` with AWS's error code, message and HTTP status. Nothing throws.
 */

/** An AWS error as the API returns it. */
export interface AwsError {
  /** AWS's error code, e.g. `NoSuchEntity`, `AccessDenied`, `ValidationError`. */
  code: string;
  /** AWS's message. */
  message: string;
  /** The HTTP status AWS answers with. */
  httpStatus: number;
}

/** The outcome of a call. */
export type AwsResult<T = unknown> = { ok: true; result: T } | { ok: false; error: AwsError };

/** Access keys as an SDK signs with them (long-term `AKIA…` or temporary `ASIA…` with a token). */
export interface AccessKeyCredentials {
  accessKeyId: string;
  /** When given it must match; the simulator does not make lessons carry secrets around. */
  secretAccessKey?: string;
  /** Required with temporary (`ASIA…`) keys. */
  sessionToken?: string;
}

/**
 * Who signs a call: access keys, the account's root user (as after a console sign-in), or
 * nobody (AssumeRoleWithSAML and AssumeRoleWithWebIdentity need no credentials).
 */
export type Credentials = AccessKeyCredentials | { root: string } | null;

/** Where a call comes from; everything is optional. */
export interface CallOptions {
  /** The caller's public IP (`aws:SourceIp`); default 203.0.113.10 (a documentation address). */
  sourceIp?: string;
  /** The region the call is sent to (`aws:RequestedRegion`); IAM always resolves to us-east-1. */
  region?: string;
  /** The user agent CloudTrail records; default `aws-cli/2`. */
  userAgent?: string;
}

/** Parameters of a call, as an SDK or the CLI emulator passes them (AWS's parameter names). */
export type CallParams = Readonly<Record<string, unknown>>;
