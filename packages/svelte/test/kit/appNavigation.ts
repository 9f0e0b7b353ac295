// Stands in for SvelteKit's `$app/navigation` (aliased in vitest.config.ts): SvelteKit is not a
// dependency, and afterNavigate's contract is only "call back after each navigation".
type Callback = (navigation: { type: string }) => void;

export const callbacks: Callback[] = [];

export function afterNavigate(callback: Callback): void {
  callbacks.push(callback);
}
