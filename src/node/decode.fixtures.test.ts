// The decoders against bytes made by another encoder (Python's codecs, hard-coded here as hex): windows-1252, GB18030,
// Big5 and UTF-16 must decode to the exact Unicode text, guessed and chosen alike. Node 20's own TextDecoder turns
// windows-1252's curly quotes, dashes and € into C1 controls; these tests fail on that.

import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeWith } from './decode';
import { hasControlNoise } from './legacy-encoding';

const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));

/** Each fixture: the encoding, the bytes Python's codec wrote, and the text they are. */
const FIXTURES: { encoding: string; bytes: string; text: string }[] = [
  { encoding: 'windows-1252', bytes: '9351756f7465642c94207368652073616964209620616e64207468656e209720697420636f73742080353b206e61ef766520636166e9209173696e676c659285209520a92032303236208a6b6f6461208e208c7576726520992e205468652072e973756de9206f66207468652064e96ae020767520fc6265722d636166e9209620937072696365642061742080313294209620776173206e61ef76652e0a', text: "“Quoted,” she said – and then — it cost €5; naïve café ‘single’… • © 2026 Škoda Ž Œuvre ™. The résumé of the déjà vu über-café – “priced at €12” – was naïve.\n" },
  { encoding: 'gb18030', bytes: 'c9cfbaa3cad032303233c4eab5d8c7f8c9fab2fad7dcd6b5d4f6b3a4352e3025a3acb4efb5bd34373231382e3636d2dad4aaa1a3c5b7d4aab7fbbac5a2e3d3ebbab1bcfbd7d695328236a1a2a8bfb6bcc4dcb1e0c2eba1a3c8abc4ead0c2d4f6becdd2b5b8dacebbc1f9caaecdf2b8f6a3acb3c7d5f2b5f7b2e9caa7d2b5c2caceaab0d9b7d6d6aecbc4b5e3cee5a1a30a', text: "上海市2023年地区生产总值增长5.0%，达到47218.66亿元。欧元符号€与罕见字𠀀、ǹ都能编码。全年新增就业岗位六十万个，城镇调查失业率为百分之四点五。\n" },
  { encoding: 'big5', bytes: 'bb4fa55fa5abac46a9b2abc5a5aca141a447b973a447a454a67ec65ba5faabc8a448bcc6a6a8aaf8a6caa4c0a4a7a57ca451a454c249a445a141b3d0a455befaa67eb773b0aaa143a5abaaf8aaeda5dcb14ec47ec4f2b1c0b0cab0eabbdaa5e6ac79bb50c65ba5fab2a3b77eb56fae69a1430a', text: "臺北市政府宣布，二零二三年觀光客人數成長百分之四十三點九，創下歷年新高。市長表示將繼續推動國際交流與觀光產業發展。\n" },
  { encoding: 'utf-16le', bytes: 'fffedc006e00ef0063006f006400650020000a4e776d20003dd800de20001c20710075006f007400650073001d20200013202000ac200a00', text: "Ünïcode 上海 😀 “quotes” – €\n" },
  { encoding: 'utf-16be', bytes: 'feff00dc006e00ef0063006f0064006500204e0a6d770020d83dde000020201c00710075006f007400650073201d00202013002020ac000a', text: "Ünïcode 上海 😀 “quotes” – €\n" },
];

describe('decoding fixtures written by another encoder', () => {
  for (const f of FIXTURES) {
    it(`${f.encoding}: chosen, the bytes decode to the exact text`, () => {
      expect(decodeWith(hex(f.bytes), f.encoding)).toMatchObject({ ok: true, text: f.text.startsWith('\ufeff') ? f.text.slice(1) : f.text, encoding: f.encoding });
    });
    it(`${f.encoding}: guessed, the bytes decode to the exact text`, () => {
      const got = decodeBytes(hex(f.bytes));
      expect(got).toMatchObject({ ok: true, text: f.text });
      expect(got.ok && got.encoding).toBe(f.encoding);
    });
  }

  it('counts C1 control characters as noise: the Latin-1 reading of windows-1252 bytes is never the one used', () => {
    expect(hasControlNoise('\u0093Quoted\u0094')).toBe(true);
    expect(hasControlNoise('“Quoted” – € — é')).toBe(false);
    const got = decodeBytes(hex(FIXTURES[0]!.bytes));
    expect(got.ok && hasControlNoise(got.text)).toBe(false);
    expect((got.ok ? (got.candidates ?? []) : []).map((c) => c.encoding)).not.toContain('iso-8859-1');
  });
});
