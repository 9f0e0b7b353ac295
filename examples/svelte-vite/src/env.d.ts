/// <reference types="vite/client" />
/// <reference types="svelte" />

interface ImportMetaEnv {
  /** Where events are sent; `console` logs them instead. @default '/v1/collect' */
  readonly VITE_SPOOR_ENDPOINT?: string;
  /** The project key, sent as `X-Spoor-Key` (and `?key=` on page-exit requests) when set. */
  readonly VITE_SPOOR_SITE_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
