#!/usr/bin/env python3
"""Checks Marginalia's exports the way a Python pipeline reads them (standard library only).

Usage: python3 check_exports.py DIR

DIR holds native.jsonl (the source export) and the outputs of `marginalia convert`:
spacy.jsonl, doccano.jsonl (UTF-16 offsets, doccano's default), doccano-cp.jsonl
(code points), label-studio.json, hf/hf.jsonl with hf/labels.json (Chinese as one
token per Han character, the default), hf-words/ (the same with --zh-tokens words,
if present), conll.txt and brat/. Every span is sliced out of the text as Python slices str (code points),
or converted from the unit the format declares, and compared with the span text
of the native export; BIO sequences must be well formed (I- only after B- or I-
of the same type). Prints one line per problem and ends with "N passed, N failed";
exits 1 if anything failed.
"""

import hashlib
import json
import os
import sys
import unicodedata

passed = 0
failed = 0


def check(ok, what):
    """Counts one check; prints it when it fails."""
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what)
    return ok


def read_jsonl(path):
    # json.loads per line, as most pipelines do: a BOM or a blank line would fail here.
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def squeeze(s):
    return "".join(s.split())


def native(d):
    """The source export: every span checked, then indexed by (doc_id, annotator)."""
    lines = read_jsonl(os.path.join(d, "native.jsonl"))
    expected = {}
    all_text = ""
    for ln in lines:
        text = ln["text"]
        all_text += text
        where = "native %s/%s" % (ln["doc_id"][:15], ln["annotator"])
        check("\r" not in text, where + ": text is normalized to LF")
        digest = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
        check(ln["doc_id"] == digest, where + ": doc_id is the SHA-256 of the text")
        ids = set()
        for s in ln["spans"]:
            check(text[s["start"]:s["end"]] == s["text"], "%s span %s: text[%d:%d] == %r" % (where, s["id"], s["start"], s["end"], s["text"]))
            ids.add(s["id"])
        for r in ln["relations"]:
            check(r["head"] in ids and r["tail"] in ids, "%s relation %s: endpoints exist" % (where, r["id"]))
        expected[(ln["doc_id"], ln["annotator"])] = ln
    # The proof is only worth something if the corpus holds the hard cases.
    check(any("\u4e00" <= c <= "\u9fff" for c in all_text), "corpus has Chinese")
    check("\U00020000" in all_text, "corpus has U+20000 (CJK Extension B)")
    check(any(0x1F300 <= ord(c) <= 0x1FAFF for c in all_text), "corpus has an emoji")
    return lines, expected


def spans_of(ln):
    return {(s["start"], s["end"], s["label"]): s["text"] for s in ln["spans"]}


def spacy(d, expected):
    for i, rec in enumerate(read_jsonl(os.path.join(d, "spacy.jsonl"))):
        meta = rec["meta"]
        want = spans_of(expected[(meta["doc_id"], meta["annotator"])])
        text = rec["text"]
        for s in rec["spans"]:
            key = (s["start"], s["end"], s["label"])
            check(key in want and text[s["start"]:s["end"]] == want[key],
                  "spacy record %d: text[%d:%d] is %r, native span is %r" % (i + 1, s["start"], s["end"], text[s["start"]:s["end"]], want.get(key)))
        check(len(rec["spans"]) == len(want), "spacy record %d: every span is there" % (i + 1))


def utf16_slice(text, start, end):
    """What a JavaScript string's slice(start, end) is, from Python."""
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def doccano(d, expected, name, unit):
    differs = 0
    for i, rec in enumerate(read_jsonl(os.path.join(d, name))):
        ln = expected[(rec["doc_id"], rec["annotator"])]
        want = sorted((s["label"], s["text"]) for s in ln["spans"])
        text = rec["text"]
        got = []
        for start, end, label in rec["label"]:
            piece = utf16_slice(text, start, end) if unit == "utf16" else text[start:end]
            if piece != text[start:end]:
                differs += 1
            got.append((label, piece))
        check(sorted(got) == want, "%s record %d: spans sliced in %s are the native spans" % (name, i + 1, unit))
    if unit == "utf16":
        # Spans after an emoji or U+20000 must need the conversion, or the test would prove nothing.
        check(differs > 0, "%s: some UTF-16 offsets differ from Python's (the corpus has astral characters)" % name)


def label_studio(d, expected):
    with open(os.path.join(d, "label-studio.json"), encoding="utf-8") as f:
        tasks = json.load(f)
    for t, task in enumerate(tasks):
        text = task["data"]["text"]
        for a, ann in enumerate(task["annotations"]):
            annotator = task["data"]["annotators"][a]
            want = spans_of(expected[(task["data"]["doc_id"], annotator)])
            regions = set()
            for r in ann["result"]:
                if r["type"] != "labels":
                    continue
                v = r["value"]
                regions.add(r["id"])
                check(text[v["start"]:v["end"]] == v["text"] and want.get((v["start"], v["end"], v["labels"][0])) == v["text"],
                      "label-studio task %d annotation %d region %s: text[%d:%d] == %r" % (t + 1, a + 1, r["id"], v["start"], v["end"], v["text"]))
                check(r["from_name"] and r["to_name"], "label-studio region %s names its control and object" % r["id"])
            for r in ann["result"]:
                if r["type"] == "relation":
                    check(r["from_id"] in regions and r["to_id"] in regions, "label-studio task %d relation endpoints exist" % (t + 1))


def brat(d, lines):
    root = os.path.join(d, "brat")
    with open(os.path.join(root, "marginalia-manifest.jsonl"), encoding="utf-8") as f:
        manifest = {e["file"]: e for e in map(json.loads, f)}
    by_key = {(ln["doc_id"], ln["annotator"]): ln for ln in lines}
    with open(os.path.join(root, "annotation.conf"), encoding="utf-8") as f:
        conf = f.read()
    seen = 0
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            seen += 1
            rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
            # brat's server opens texts with universal newlines and slices its str: code points.
            with open(os.path.join(dirpath, name), encoding="utf-8", newline=None) as f:
                text = f.read()
            with open(os.path.join(dirpath, name[:-4] + ".ann"), encoding="utf-8") as f:
                # brat's annotation.py splits .ann files with str.splitlines(): VT, FF, U+001C-U+001E,
                # NEL, U+2028 and U+2029 end a line there too, so none may be inside one.
                ann = [l for l in f.read().splitlines() if l.strip()]
            entry = manifest[rel]
            ln = by_key[(entry["doc_id"], entry["annotator"])]
            want = sorted((s["label"], s["text"]) for s in ln["spans"])
            got = []
            ids = set()
            for row in ann:
                ident, body = row.split("\t")[0], row.split("\t")[1]
                if ident.startswith("T"):
                    label, offsets = body.split(" ", 1)
                    frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
                    # The check brat's annotation.py makes: the pieces joined by one space are the line's text.
                    check(" ".join(text[a:b] for a, b in frags) == row.split("\t")[2], "brat %s %s: text matches %s" % (rel, ident, offsets))
                    check(label in conf, "brat %s %s: type %s is in annotation.conf" % (rel, ident, label))
                    got.append((label, text[frags[0][0]:frags[-1][1]]))
                    ids.add(ident)
                elif ident.startswith("R"):
                    args = body.split(" ")[1:]
                    check(all(a.split(":")[1] in ids for a in args), "brat %s %s: arguments exist" % (rel, ident))
                elif ident.startswith("A") or ident.startswith("#"):
                    check(body.split(" ")[1] in ids or body.split(" ")[1].startswith("R"), "brat %s %s: target exists" % (rel, ident))
                    if ident.startswith("#") and row.split("\t")[2].startswith("marginalia:"):
                        try:
                            json.loads(row.split("\t")[2][len("marginalia:"):])
                            check(True, "")
                        except ValueError:
                            check(False, "brat %s %s: the note's JSON is cut by a line break" % (rel, ident))
                else:
                    check(False, "brat %s: a line brat cannot read (cut by a line break?): %r" % (rel, row[:40]))
            check(sorted(got) == want, "brat %s: the spans are the native spans" % rel)
    check(seen == len(lines), "brat: one .txt per native line (%d of %d)" % (seen, len(lines)))
    # Every annotator has a folder of their own, whatever their name.
    folders = {}
    for rel, entry in manifest.items():
        folders.setdefault(rel.split("/")[0].lower(), set()).add(entry["annotator"])
    check(all(len(names) == 1 for names in folders.values()), "brat: one annotator per folder (%r)" % folders)
    check(len(folders) == len({ln["annotator"] for ln in lines}), "brat: one folder per annotator")


def bio_runs(tokens, tags, where):
    """Entities of a BIO sequence; an I- that does not continue its type is a failure."""
    runs = []
    prev = "O"
    for i, tag in enumerate(tags):
        if tag.startswith("I-"):
            ok = prev != "O" and prev[2:] == tag[2:]
            check(ok, "%s token %d: %s follows %s" % (where, i, tag, prev))
            if ok:
                runs[-1][1] += tokens[i]
        elif tag.startswith("B-"):
            runs.append([tag[2:], tokens[i]])
        else:
            check(tag == "O", "%s token %d: %r is a BIO tag" % (where, i, tag))
        prev = tag
    return [tuple(r) for r in runs]


def is_han(c):
    """A Han character as Python's own Unicode data names it (an ideograph of any extension, a compatibility one, 〇 々 〻)."""
    return unicodedata.name(c, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")) or c in "\u3007\u3005\u303b"


def token_offsets(text, tokens, where):
    """Code point offsets of each token, found in order in the text with only whitespace between (None when lost)."""
    offsets = []
    pos = 0
    for i, tok in enumerate(tokens):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not check(text.startswith(tok, pos), "%s token %d %r: at code point %d of the text" % (where, i, tok, pos)):
            return None
        offsets.append((pos, pos + len(tok)))
        pos += len(tok)
    check(text[pos:].strip() == "", where + ": tokens reach the end of the text")
    return offsets


def hf(d, lines, folder="hf", chars=True):
    with open(os.path.join(d, folder, "labels.json"), encoding="utf-8") as f:
        names = json.load(f)
    check(names[0] == "O" and all(n[:2] in ("B-", "I-") for n in names[1:]), "hf labels.json: O, then B-/I- tags")
    recs = read_jsonl(os.path.join(d, folder, "hf.jsonl"))
    check(len(recs) == len(lines), "hf: one record per native line")
    for rec, ln in zip(recs, lines):
        where = "hf " + rec["id"][:15]
        check(rec["id"] == ln["doc_id"] + "/" + ln["annotator"], where + ": id is doc_id/annotator")
        check(len(rec["tokens"]) == len(rec["ner_tags"]), where + ": one tag per token")
        check(all(isinstance(t, int) and 0 <= t < len(names) for t in rec["ner_tags"]), where + ": tags are ids into labels.json")
        check(all(tok and not any(c.isspace() for c in tok) for tok in rec["tokens"]), where + ": tokens hold no whitespace")
        check("".join(rec["tokens"]) == squeeze(ln["text"]), where + ": tokens cover the text")
        offsets = token_offsets(ln["text"], rec["tokens"], where)
        if chars and offsets is not None:
            # One token per Han character (with the combining marks after it): no Chinese word, no split character.
            for i, tok in enumerate(rec["tokens"]):
                if any(is_han(c) for c in tok):
                    alone = is_han(tok[0]) and all(unicodedata.category(c) in ("Mn", "Mc", "Me") or c == "\u200d" for c in tok[1:])
                    check(alone, "%s token %d %r: one Han character" % (where, i, tok))
            # So a span that starts and ends on Han characters starts and ends on token boundaries.
            starts = {a for a, _ in offsets}
            ends = {b for _, b in offsets}
            text = ln["text"]
            for s in ln["spans"]:
                if is_han(text[s["start"]]) and is_han(text[s["end"] - 1]):
                    check(s["start"] in starts and s["end"] in ends, "%s span %s %r: on token boundaries" % (where, s["id"], s["text"]))
        tags = [names[t] for t in rec["ner_tags"]]
        native_spans = {(s["label"], squeeze(s["text"])) for s in ln["spans"]}
        for label, text in bio_runs(rec["tokens"], tags, where):
            check((label, text) in native_spans, "%s: entity %s %r is a native span" % (where, label, text))


def conll(d, lines):
    with open(os.path.join(d, "conll.txt"), encoding="utf-8") as f:
        rows = f.read().split("\n")
    docs = []
    sentence = None
    for n, row in enumerate(rows):
        if row.startswith("-DOCSTART-"):
            check(row.split() == ["-DOCSTART-", "-X-", "O", "O"], "conll line %d: CoNLL-2003 document line" % (n + 1))
            docs.append([])
            sentence = None
            continue
        if row.strip() == "":
            sentence = None
            continue
        cols = row.split()
        check(len(cols) == 2, "conll line %d: token and tag (%r)" % (n + 1, row))
        if sentence is None:
            sentence = [[], []]
            docs[-1].append(sentence)
        sentence[0].append(cols[0])
        sentence[1].append(cols[-1])
    check(len(docs) == len(lines), "conll: one document per native line")
    for k, (doc, ln) in enumerate(zip(docs, lines)):
        native_spans = {(s["label"], squeeze(s["text"])) for s in ln["spans"]}
        tokens = "".join(t for s in doc for t in s[0])
        check(tokens == squeeze(ln["text"]), "conll document %d: tokens cover the text" % (k + 1))
        for j, (toks, tags) in enumerate(doc):
            # Each sentence on its own, as sentence-level readers see it.
            for label, text in bio_runs(toks, tags, "conll document %d sentence %d" % (k + 1, j + 1)):
                check((label, text) in native_spans, "conll document %d: entity %s %r is a native span" % (k + 1, label, text))


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    d = sys.argv[1]
    lines, expected = native(d)
    print("%-13s %d checks, %d failed" % ("native", passed + failed, failed))
    steps = [
        ("spacy", lambda: spacy(d, expected)),
        ("doccano", lambda: doccano(d, expected, "doccano.jsonl", "utf16")),
        ("doccano-cp", lambda: doccano(d, expected, "doccano-cp.jsonl", "codepoint")),
        ("label-studio", lambda: label_studio(d, expected)),
        ("brat", lambda: brat(d, lines)),
        ("hf", lambda: hf(d, lines)),
        ("hf-words", lambda: hf(d, lines, "hf-words", False) if os.path.isdir(os.path.join(d, "hf-words")) else None),
        ("conll", lambda: conll(d, lines)),
    ]
    for name, step in steps:
        before = (passed, failed)
        try:
            step()
        except Exception as e:  # a crash in one format is a failure, not the end of the proof
            check(False, "%s: %s: %s" % (name, type(e).__name__, e))
        print("%-13s %d checks, %d failed" % (name, passed + failed - sum(before), failed - before[1]))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
