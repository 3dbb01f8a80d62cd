/** Reading and checking the instance metadata options of RunInstances and ModifyInstanceMetadataOptions. */
import type { InstanceMetadataOptions } from '../../world/ec2-types.ts';
import type { AwsError } from '../types.ts';
import { invalidParameterValue } from './errors.ts';

/** Options as given (any subset), or the error for a bad value. */
export function readMetadataOptions(raw: unknown): Partial<InstanceMetadataOptions> | AwsError {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return invalidParameterValue('Invalid value for parameter MetadataOptions');
  const r = raw as Record<string, unknown>;
  const out: Partial<InstanceMetadataOptions> = {};
  const tokens = r['HttpTokens'];
  if (tokens !== undefined) {
    if (tokens !== 'optional' && tokens !== 'required') return invalidParameterValue(`The value '${String(tokens)}' is not valid for HttpTokens. Valid values are optional | required.`);
    out.HttpTokens = tokens;
  }
  const endpoint = r['HttpEndpoint'];
  if (endpoint !== undefined) {
    if (endpoint !== 'enabled' && endpoint !== 'disabled') return invalidParameterValue(`The value '${String(endpoint)}' is not valid for HttpEndpoint. Valid values are enabled | disabled.`);
    out.HttpEndpoint = endpoint;
  }
  const hops = r['HttpPutResponseHopLimit'];
  if (hops !== undefined) {
    const n = typeof hops === 'number' ? hops : typeof hops === 'string' ? Number(hops) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 64) return invalidParameterValue('The HttpPutResponseHopLimit must be between 1 and 64.');
    out.HttpPutResponseHopLimit = n;
  }
  return out;
}

/** The `ec2:Metadata*` condition keys for options a request sets. */
export function metadataContext(o: Partial<InstanceMetadataOptions>): Record<string, string> {
  const ctx: Record<string, string> = {};
  if (o.HttpTokens !== undefined) ctx['ec2:MetadataHttpTokens'] = o.HttpTokens;
  if (o.HttpEndpoint !== undefined) ctx['ec2:MetadataHttpEndpoint'] = o.HttpEndpoint;
  if (o.HttpPutResponseHopLimit !== undefined) ctx['ec2:MetadataHttpPutResponseHopLimit'] = String(o.HttpPutResponseHopLimit);
  return ctx;
}
