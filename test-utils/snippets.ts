// Code blocks of the READMEs and docs, by marker, so tests run the snippets users copy verbatim.
// A snippet is the fenced block right after `<!-- snippet: name -->`.
import { readFileSync } from 'node:fs';

/** The code of the block marked `<!-- snippet: name -->` in a markdown file; throws when missing. */
export function readSnippet(markdownPath: string, name: string): string {
  const markdown = readFileSync(markdownPath, 'utf8');
  const marker = `<!-- snippet: ${name} -->`;
  const at = markdown.indexOf(marker);
  if (at < 0) throw new Error(`${markdownPath} has no snippet named ${name}`);
  const block = /```[^\n]*\n([\s\S]*?)```/.exec(markdown.slice(at + marker.length));
  if (!block?.[1]) throw new Error(`${markdownPath}: the snippet ${name} has no code block after its marker`);
  return block[1];
}
