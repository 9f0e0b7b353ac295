import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeEvents, decodeReplayChunk, encodeEvents, type RrwebEvent } from '../src/codec';

// Recorded in Chromium with the real recorder: `node packages/replay/scripts/record-corpus.mjs`.
const corpusDir = join(dirname(fileURLToPath(import.meta.url)), 'corpus');
const corpus = readdirSync(corpusDir)
  .filter((file) => file.endsWith('.json.gz'))
  .map((file) => ({
    name: file.replace('.json.gz', ''),
    events: JSON.parse(gunzipSync(readFileSync(join(corpusDir, file))).toString()) as RrwebEvent[],
  }));

/** What the wire does to an encoded chunk. */
const overTheWire = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('replay codec 2', () => {
  it('has a corpus to check', () => {
    expect(corpus.map((file) => file.name)).toEqual(
      expect.arrayContaining([
        'bench-shop',
        'example-react-vite',
        'example-vue-vite',
        'example-svelte-vite',
        'mutation-storm',
        'style-attributes',
        'iframe',
        'shadow-dom',
        'long-form',
      ]),
    );
  });

  it.each(corpus)('gives back the recorded events of $name exactly', ({ events }) => {
    expect(decodeEvents(overTheWire(encodeEvents(events)))).toStrictEqual(events);
  });

  it.each(corpus)(
    'gives back every chunk of $name when the events are sent in chunks of 20',
    ({ events }) => {
      for (let at = 0; at < events.length; at += 20) {
        const chunk = events.slice(at, at + 20);
        expect(
          decodeReplayChunk(overTheWire({ codec: 2, data: encodeEvents(chunk), full: false })),
        ).toStrictEqual(chunk);
      }
    },
  );

  it('makes the recorded DOM-heavy pages at least 3 times smaller after gzip', () => {
    for (const name of ['bench-shop', 'mutation-storm']) {
      const { events } = corpus.find((file) => file.name === name)!;
      const before = gzipSync(JSON.stringify(events)).length;
      const after = gzipSync(JSON.stringify(encodeEvents(events))).length;
      expect(after * 3).toBeLessThan(before);
    }
  });

  it('carries events of shapes it does not know as they are', () => {
    const events = [
      { type: 3, data: { source: 1, positions: [{ x: 1.5, y: 2, id: 3, timeOffset: 0 }] }, timestamp: 10 },
      {
        type: 3,
        data: { source: 0, adds: 'not a list', removes: [], texts: [], attributes: [] },
        timestamp: 11,
      },
      {
        type: 3,
        data: { source: 0, adds: [], removes: [{ parentId: 'x', id: 1 }], texts: [], attributes: [] },
        timestamp: 12,
      },
      {
        type: 2,
        data: { node: { type: 9, id: 1, odd: true }, initialOffset: { top: 0, left: 0 } },
        timestamp: 12.5,
      },
      { type: 2, data: { node: { type: 2, tagName: 'div', id: 4 } }, timestamp: 13 },
      { type: 5, data: { tag: 'custom', payload: { a: [1, 2] } }, timestamp: 14, extra: 'kept' },
      {
        type: 3,
        data: {
          source: 0,
          adds: [
            {
              parentId: 1,
              nextId: null,
              previousId: 7,
              node: { type: 3, textContent: 'x', id: 9, rootId: 2 },
            },
          ],
          removes: [{ parentId: 1, id: 5, isShadow: true }],
          texts: [{ id: 3, value: null }],
          attributes: [{ id: 4, attributes: { style: { color: 'red', width: false }, class: null } }],
          isAttachIframe: true,
        },
        timestamp: 15,
      },
    ];
    expect(decodeEvents(overTheWire(encodeEvents(events)))).toStrictEqual(events);
  });

  it('reads codec 1 chunks, and chunks from before codecs were numbered, as they are', () => {
    const events = corpus[0]!.events.slice(0, 5);
    expect(decodeReplayChunk({ codec: 1, events, full: true })).toBe(events);
    expect(decodeReplayChunk({ events, full: true })).toBe(events);
  });

  it('names the problem in a chunk it cannot read', () => {
    expect(() => decodeReplayChunk({ codec: 3, data: [] })).toThrow('unknown codec: 3');
    expect(() => decodeReplayChunk({ codec: 1 })).toThrow('codec 1');
    expect(() => decodeReplayChunk({ codec: 2, data: 'x' })).toThrow('malformed: data is not an array');
    expect(() => decodeReplayChunk({ codec: 2, data: [[9, 0]] })).toThrow('unknown event kind 9');
    expect(() => decodeReplayChunk({ codec: 2, data: [[3, 0, [[1, null, [42, 0]]], [], [], []]] })).toThrow(
      'unknown type',
    );
  });
});
