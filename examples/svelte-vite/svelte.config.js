// Svelte 5 compiles TypeScript in <script lang="ts"> by itself; nothing to preprocess.
export default {};
