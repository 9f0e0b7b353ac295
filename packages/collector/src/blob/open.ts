import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlobStore } from './blobStore';
import { createDiskBlobStore } from './disk';

/** Opens the blob store a URL names: `file:/var/lib/spoor/replay` or `s3://bucket/prefix?endpoint=…`. */
export async function openBlobStore(url: string, option = 'blobUrl'): Promise<BlobStore> {
  if (url.startsWith('s3://')) {
    const { createS3BlobStore, s3OptionsFromUrl } = await import('./s3');
    return createS3BlobStore(s3OptionsFromUrl(new URL(url)));
  }
  if (url.startsWith('file:')) {
    return createDiskBlobStore(url.startsWith('file://') ? fileURLToPath(url) : resolve(url.slice(5)));
  }
  throw new Error(`${option}: expected file:<folder> or s3://bucket/prefix, got "${url}"`);
}
