import { useEffect, useState } from 'react';
import { api, type Query } from './api';

/** Loads `path` with `query`, again whenever the query changes. */
export function useApi<T>(
  path: string | null,
  query: Query = {},
): { data: T | null; error: string | null; reload(): void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query is compared by value through `key`
  useEffect(() => {
    if (!path) return;
    let live = true;
    setError(null);
    api<T>(path, query)
      .then((result) => live && setData(result))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [path, key, tick]);
  return { data, error, reload: () => setTick((t) => t + 1) };
}
