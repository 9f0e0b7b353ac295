// The part of SvelteKit's `$app/navigation` that @spoor/svelte/kit uses. SvelteKit provides the
// module at build time; this package does not depend on @sveltejs/kit.
declare module '$app/navigation' {
  export function afterNavigate(callback: (navigation: { type: string }) => void): void;
}
