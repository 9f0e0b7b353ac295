/** `defaults`, then every option set in `options`: an option set to `undefined` keeps its default. */
export function withDefaults<TOptions extends object>(
  defaults: Required<TOptions>,
  options: TOptions | undefined,
): Required<TOptions> {
  const merged = { ...defaults };
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
