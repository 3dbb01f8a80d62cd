/**
 * Amazon S3 state. Bucket names are one global namespace shared by every account (S3 User
 * Guide, "Bucket naming rules"), so buckets live in a world-level map keyed by name, each
 * recording its owning account and region.
 */

/** The four Block Public Access settings (S3 User Guide, "Blocking public access to your Amazon S3 storage"). */
export interface PublicAccessBlockConfig {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

/** Object Ownership (S3 User Guide, "Controlling ownership of objects"). */
export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

/** One object: text bodies only, which is all lessons need. */
export interface S3ObjectRecord {
  key: string;
  body: string;
  /** The account that owns the object (the bucket owner unless Object Ownership is ObjectWriter). */
  ownerAccountId: string;
  lastModified: string;
  /** The quoted ETag as S3 returns it. */
  etag: string;
  contentType: string;
  /**
   * The canned ACL the object was written with, kept only while the bucket has ACLs enabled; it
   * decides which other accounts the object's owner lets read it.
   */
  acl?: string;
}

/** One bucket. */
export interface S3Bucket {
  name: string;
  ownerAccountId: string;
  region: string;
  creationDate: string;
  /** The bucket policy text, or null when the bucket has none. */
  policy: string | null;
  /** The bucket-level Block Public Access configuration, or null when none is set. */
  publicAccessBlock: PublicAccessBlockConfig | null;
  objectOwnership: ObjectOwnership;
  /** Objects by key. */
  objects: Record<string, S3ObjectRecord>;
  /** Event notifications (PutBucketNotificationConfiguration); absent when none are configured. */
  notificationConfiguration?: BucketNotificationConfiguration;
}

/** One Lambda destination of a bucket's event notifications (S3 API Reference, LambdaFunctionConfiguration). */
export interface LambdaNotification {
  Id: string;
  LambdaFunctionArn: string;
  /** Event types such as `s3:ObjectCreated:*`. */
  Events: string[];
  /** Key name filter rules (`prefix`, `suffix`). */
  Filter?: { Key: { FilterRules: { Name: string; Value: string }[] } };
}

/** A bucket's notification configuration (only Lambda destinations are simulated). */
export interface BucketNotificationConfiguration {
  LambdaFunctionConfigurations: LambdaNotification[];
}

/** All of S3 in a world. */
export interface S3State {
  /** Buckets by name (global namespace). */
  buckets: Record<string, S3Bucket>;
  /** Account-level Block Public Access (s3control PutPublicAccessBlock), by account id. */
  accountPublicAccessBlock: Record<string, PublicAccessBlockConfig>;
}

/** An empty S3. */
export function emptyS3State(): S3State {
  return { buckets: {}, accountPublicAccessBlock: {} };
}

/** The settings new buckets get: every block on (S3 default since April 2023). */
export function allBlocked(): PublicAccessBlockConfig {
  return { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
}
