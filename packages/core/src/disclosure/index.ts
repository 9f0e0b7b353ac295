// `@spoor/core/disclosure`: the catalogue and its renderings, kept out of the tracker's bundle.
// `tracker.disclosure()` loads this entry with `import()` when a page asks for it.
export type { DisclosedEvent, DisclosedStorage, Disclosure } from './describe';
export { describeCollection } from './describe';
export { disclosureToHtml, disclosureToMarkdown } from './format';
