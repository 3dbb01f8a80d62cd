/**
 * Shared shapes of the `aws` CLI emulator: what a command line produces, and how the command
 * table describes each command's parameters.
 */

/** What running one line prints and how it ends, as a terminal shows it. */
export interface CliResult {
  stdout: string;
  stderr: string;
  /** 0 success, 252 command-line error, 253 configuration/credentials, 254 service error, 255 other, 1 shell error. */
  exitCode: number;
}

/**
 * How a parameter is written on the command line (botocore's shape types, reduced to what
 * the parser must tell apart).
 * - `string`, `integer`: one value.
 * - `boolean`: a flag (`--set-as-default` / `--no-set-as-default`), no value.
 * - `list`: strings, space separated (`--instance-ids i-1 i-2`) or a JSON array.
 * - `structure`: shorthand `Key=Value,Key2=Value2` or JSON.
 * - `structlist`: structures, each shorthand or all JSON (`--tags Key=a,Value=b Key=c,Value=d`).
 * - `map`: shorthand `k=v,k2=v2` or JSON.
 * - `blob`: bytes: `fileb://` raw, otherwise text decoded as `--cli-binary-format` says.
 */
export type ParamType = 'string' | 'integer' | 'boolean' | 'list' | 'structure' | 'structlist' | 'map' | 'blob';

/** One parameter of a command. */
export interface ParamSpec {
  /** The API's name (`RoleName`), or a CLI-only name for customised commands. */
  name: string;
  /** The option without dashes (`role-name`). */
  option: string;
  type: ParamType;
  required: boolean;
  /** A positional argument (`outfile` of `s3api get-object`), not an option. */
  positional?: boolean;
}

/** One `aws <service> <operation>` command. */
export interface CommandSpec {
  /** The CLI's service name (`s3api`, `iam`). */
  service: string;
  /** The CLI's operation name (`create-role`). */
  command: string;
  /** The simulator's service (`s3` for `s3api`). */
  apiService: string;
  /** The API operation (`CreateRole`). */
  operation: string;
  params: ParamSpec[];
}

/** Global options that apply to every command. */
export interface GlobalOptions {
  profile?: string;
  region?: string;
  output?: 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream';
  query?: string;
  debug: boolean;
  noCliPager: boolean;
  endpointUrl?: string;
  /** `--cli-binary-format`: `base64` (CLI v2's default) or `raw-in-base64-out`. */
  binaryFormat?: 'base64' | 'raw-in-base64-out';
}
