export type {
  ClickAggregateOptions,
  ClickHeatmap,
  ClickInput,
  ScrollAggregateOptions,
  ScrollDepth,
  ScrollInput,
  WidthBucket,
} from './aggregate';
export { aggregateClicks, aggregateScrollDepth, bucketOf, DEFAULT_WIDTH_BUCKETS, pathOf } from './aggregate';
export type { HeatmapOverlay, HeatmapOverlayOptions } from './overlay';
export { createHeatmapOverlay } from './overlay';
export type { HeatmapStyle, HeatPoint } from './render';
export { clickHeatmapPoints, DEFAULT_GRADIENT, drawHeatmap } from './render';
