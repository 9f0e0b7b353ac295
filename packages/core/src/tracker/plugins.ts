import { describeError } from '../errors';
import type { PluginContext, TrackerPlugin } from '../plugin';

/**
 * Sets up each plugin with its own context; returns the function that tears them all down, the
 * last one set up first. A failing plugin is reported and the others still run.
 */
export function startPlugins(
  plugins: readonly TrackerPlugin[],
  base: Omit<PluginContext, 'reportError'>,
  report: (error: unknown) => void,
): () => void {
  const teardowns: Array<() => void> = [];
  for (const plugin of plugins) {
    const ctx: PluginContext = {
      ...base,
      reportError: (error) => report(`${plugin.name}: ${describeError(error)}`),
    };
    try {
      const teardown = plugin.setup(ctx);
      if (typeof teardown === 'function') teardowns.push(teardown);
    } catch (error) {
      ctx.reportError(error);
    }
  }
  return () => {
    for (const teardown of teardowns.reverse()) {
      try {
        teardown();
      } catch (error) {
        report(error);
      }
    }
  };
}
