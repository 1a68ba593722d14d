import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../test/fixtures/corpus/legacy-encode';
import { SIMPLIFIED_SAMPLE, TRADITIONAL_SAMPLE } from '../../test/fixtures/corpus/folder';
import { hanEvidence } from './common-han';
import { decodeBytes, decodeWith } from './decode';

/** 臺灣 in Big5, as published in the Big5 tables (0xBB4F, 0xC657). */
const BIG5_TAIWAN = Uint8Array.of(0xbb, 0x4f, 0xc6, 0x57);
/** 中文 in GBK (= GB2312 0xD6D0, 0xCEC4). */
const GBK_ZHONGWEN = Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4);
/** 😀 (U+1F600) in GB18030: a four-byte sequence (0x9439FC36), which GBK does not have. */
const GB18030_GRINNING = Uint8Array.of(0x94, 0x39, 0xfc, 0x36);
/** The Chinese report of the shared corpus, as a user's corpus holds it. */
const SHARED_ZH = '/work/shared/corpus/001_56105af37f012280.txt';

describe('decodeBytes on legacy Chinese encodings', () => {
  it('reads hard-coded Big5, GBK and four-byte GB18030 bytes, flagging the short ones as uncertain', () => {
    const big5 = decodeBytes(BIG5_TAIWAN);
    expect(big5).toMatchObject({ ok: true, text: '臺灣', encoding: 'big5', uncertain: true });
    // The same four bytes read as GB18030 too: the chooser shows both, Big5 first.
    const candidates = big5.ok ? big5.candidates! : [];
    expect(candidates.map((c) => c.encoding)).toEqual(['big5', 'gb18030']);
    expect(candidates[1]!.preview).toBe(new TextDecoder('gb18030').decode(BIG5_TAIWAN));
    expect(decodeBytes(GBK_ZHONGWEN)).toMatchObject({ ok: true, text: '中文', encoding: 'gb18030' });
    expect(decodeBytes(GB18030_GRINNING)).toMatchObject({ ok: true, text: '😀', encoding: 'gb18030' });
  });

  it('is sure of a real Chinese text in GB18030 and of a traditional one in Big5, though both decode either way', () => {
    const zh = readFileSync(SHARED_ZH, 'utf8');
    const gb = encodeLegacy(zh, 'gb18030');
    expect(decodeBytes(gb)).toEqual({ ok: true, text: zh, encoding: 'gb18030' });
    const b5 = encodeLegacy(TRADITIONAL_SAMPLE, 'big5');
    // Big5 bytes are valid GB18030 as well: only the character score tells the reading apart.
    expect(new TextDecoder('gb18030', { fatal: true }).decode(b5)).not.toBe(TRADITIONAL_SAMPLE);
    expect(decodeBytes(b5)).toEqual({ ok: true, text: TRADITIONAL_SAMPLE, encoding: 'big5' });
    expect(decodeBytes(encodeLegacy(SIMPLIFIED_SAMPLE, 'gb18030'))).toEqual({ ok: true, text: SIMPLIFIED_SAMPLE, encoding: 'gb18030' });
  });

  it('scores right readings high and wrong ones low (the evidence behind the guess)', () => {
    const b5 = encodeLegacy(TRADITIONAL_SAMPLE, 'big5');
    const right = hanEvidence(new TextDecoder('big5').decode(b5));
    const wrong = hanEvidence(new TextDecoder('gb18030').decode(b5));
    expect(right.ratio).toBeGreaterThan(0.8);
    expect(wrong.ratio).toBeLessThan(0.3);
  });

  it('reads UTF-16 BE and LE with a BOM, and UTF-8 with and without one', () => {
    const le = Buffer.from('\ufeff臺灣 news', 'utf16le');
    expect(decodeBytes(le)).toEqual({ ok: true, text: '臺灣 news', encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    expect(be[0]).toBe(0xfe);
    expect(decodeBytes(be)).toEqual({ ok: true, text: '臺灣 news', encoding: 'utf-16be' });
    const utf8 = Buffer.from('上海港 43.9%');
    expect(decodeBytes(utf8)).toEqual({ ok: true, text: '上海港 43.9%', encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({ ok: true, text: '上海港 43.9%', encoding: 'utf-8' });
  });

  it('never passes a Western text off as Chinese: a Latin-1 text is read as a Western code page, flagged', () => {
    const latin = Buffer.from('Le café crème est très apprécié à Genève.', 'latin1');
    const d = decodeBytes(latin);
    expect(d).toMatchObject({ ok: true, text: 'Le café crème est très apprécié à Genève.', uncertain: true });
    expect(d.ok && d.encoding).toBe('windows-1252');
  });

  it('uses a declared charset (an HTML page) before guessing', () => {
    const b5 = encodeLegacy('臺灣', 'big5');
    const gbDeclared = decodeBytes(b5, 'gb18030');
    expect(gbDeclared).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(gbDeclared.ok && gbDeclared.uncertain).toBeFalsy();
  });
});

describe('decodeWith (the user chose)', () => {
  it('decodes strictly with the chosen encoding and refuses a choice the bytes do not fit', () => {
    expect(decodeWith(BIG5_TAIWAN, 'big5')).toEqual({ ok: true, text: '臺灣', encoding: 'big5' });
    expect(decodeWith(BIG5_TAIWAN, 'GB18030')).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(decodeWith(GBK_ZHONGWEN, 'gbk')).toEqual({ ok: true, text: '中文', encoding: 'gbk' });
    expect(decodeWith(BIG5_TAIWAN, 'utf-8')).toEqual({ ok: false, reason: 'the bytes are not valid utf-8' });
    expect(decodeWith(BIG5_TAIWAN, 'klingon')).toEqual({ ok: false, reason: 'unknown encoding "klingon"' });
    // The WHATWG "replacement" sink (e.g. iso-2022-kr) would turn everything into U+FFFD: refused as unknown.
    expect(decodeWith(BIG5_TAIWAN, 'iso-2022-kr').ok).toBe(false);
  });
});
