export type { BlobStore } from './blob/blobStore';
export { createDiskBlobStore } from './blob/disk';
export { openBlobStore } from './blob/open';
export { createS3BlobStore, type S3BlobStoreOptions } from './blob/s3';
export type { CollectorLimits, CollectorOptions, CollectorTimeouts } from './options';
export { DEFAULT_SITES } from './options';
export { type Collector, createCollector } from './server';
export { parseSitesSpec, type SiteConfig } from './sites';
export type { Dialect, Row, SqlConnection, SqlDriver } from './storage/driver';
export { createPostgresStorage, type PostgresStorageOptions } from './storage/postgres';
export { openStorage, registerStorage, type StorageFactory } from './storage/registry';
export { createSqliteStorage, type SqliteStorageOptions } from './storage/sqlite';
export { createSqlStorage } from './storage/sqlStorage';
export type {
  ClickIssue,
  ErasureResult,
  EventQuery,
  HeatmapClick,
  IngestContext,
  IngestResult,
  PageDay,
  PageDetail,
  PageStat,
  SessionPage,
  SessionQuery,
  SessionSummary,
  Storage,
  StoredEvent,
  TimeRange,
} from './storage/storage';
