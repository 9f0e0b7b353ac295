import type { Disclosure } from './describe';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text safe inside HTML elements and attribute values. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const escapeMd = (text: string) => text.replace(/[\\`*_[\]|<>]/g, (c) => `\\${c}`);

type Section = { title: string; items: string[] } | { title: string; table: string[][] };

function sections(d: Disclosure): Section[] {
  return [
    { title: 'Consent', items: [d.consent.summary] },
    {
      title: 'What is recorded',
      table: [['Event', 'When', 'Fields'], ...d.events.map((e) => [e.type, e.what, e.fields.join(', ')])],
    },
    { title: 'On every event', items: d.commonFields },
    { title: 'How private data is protected', items: d.protections },
    {
      title: "Stored in the visitor's browser",
      table: [
        ['Name', 'Where', 'Purpose', 'Lifetime'],
        ...d.storage.map((s) => [s.name, s.kind, s.purpose, s.lifetime]),
      ],
    },
    {
      title: 'Where data is sent',
      items: d.endpoints.length
        ? d.endpoints.map((e) => (e.url ? `${e.url} (${e.transport})` : e.transport))
        : ['nowhere: events stay in the page'],
    },
    ...(d.plugins.length ? [{ title: 'Plugins', items: d.plugins }] : []),
  ];
}

/** The disclosure as Markdown, for a privacy page. Every value is escaped. */
export function disclosureToMarkdown(d: Disclosure): string {
  const out: string[] = [];
  for (const s of sections(d)) {
    out.push(`### ${s.title}`, '');
    if ('items' in s) out.push(...s.items.map((item) => `- ${escapeMd(item)}`));
    else {
      const [head = [], ...rows] = s.table;
      out.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
      for (const row of rows) out.push(`| ${row.map(escapeMd).join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The disclosure as an HTML fragment (headings, lists, tables), every value escaped. */
export function disclosureToHtml(d: Disclosure): string {
  const out: string[] = [];
  for (const s of sections(d)) {
    out.push(`<h3>${escapeHtml(s.title)}</h3>`);
    if ('items' in s) out.push(`<ul>${s.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
    else {
      const [head = [], ...rows] = s.table;
      const cells = (row: string[], tag: string) =>
        row.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('');
      out.push(
        `<table><thead><tr>${cells(head, 'th')}</tr></thead><tbody>${rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>`,
      );
    }
  }
  return out.join('\n');
}
