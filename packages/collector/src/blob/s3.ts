import type { S3Client } from '@aws-sdk/client-s3';
import type { BlobStore } from './blobStore';

export interface S3BlobStoreOptions {
  bucket: string;
  /** Prepended to every key, e.g. `spoor/`. @default '' */
  prefix?: string;
  /** For R2, MinIO and other S3-compatible services. @default AWS */
  endpoint?: string;
  /** @default process.env.AWS_REGION ?? 'us-east-1' */
  region?: string;
  /** Path-style URLs (`endpoint/bucket/key`), which MinIO and local servers need. @default false */
  forcePathStyle?: boolean;
  /** Credentials; by default the SDK's chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

// The SDK is an optional peer dependency: loaded only when an s3: blob store is used.
async function loadSdk(): Promise<typeof import('@aws-sdk/client-s3')> {
  try {
    return await import('@aws-sdk/client-s3');
  } catch (error) {
    throw new Error(
      `blobUrl s3://…: install the AWS SDK (npm install @aws-sdk/client-s3): ${(error as Error).message}`,
    );
  }
}

/** Blobs in an S3 bucket (AWS S3, Cloudflare R2, MinIO, …) through the official AWS SDK v3. */
export async function createS3BlobStore(options: S3BlobStoreOptions): Promise<BlobStore> {
  const sdk = await loadSdk();
  const client: S3Client = new sdk.S3Client({
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? false,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  const Bucket = options.bucket;
  const full = (key: string) => `${options.prefix ?? ''}${key}`;
  return {
    kind: 's3',
    async put(key, body) {
      await client.send(
        new sdk.PutObjectCommand({ Bucket, Key: full(key), Body: body, ContentType: 'application/json' }),
      );
    },
    async get(key) {
      try {
        const answer = await client.send(new sdk.GetObjectCommand({ Bucket, Key: full(key) }));
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : null;
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return null;
        throw error;
      }
    },
    async deletePrefix(prefix) {
      let deleted = 0;
      let token: string | undefined;
      do {
        const page = await client.send(
          new sdk.ListObjectsV2Command({ Bucket, Prefix: full(prefix), ContinuationToken: token }),
        );
        const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (keys.length > 0) {
          await client.send(new sdk.DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } }));
          deleted += keys.length;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return deleted;
    },
    async ping() {
      await client.send(new sdk.HeadBucketCommand({ Bucket }));
    },
    async close() {
      client.destroy();
    },
  };
}

/**
 * `s3://bucket/prefix?endpoint=http://127.0.0.1:9000&region=auto&forcePathStyle=true`; credentials
 * come from the SDK's usual chain (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, …).
 */
export function s3OptionsFromUrl(url: URL): S3BlobStoreOptions {
  const prefix = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  const region = url.searchParams.get('region') ?? undefined;
  return {
    bucket: url.hostname,
    ...(prefix ? { prefix: prefix.endsWith('/') ? prefix : `${prefix}/` } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    forcePathStyle: url.searchParams.get('forcePathStyle') === 'true',
  };
}
