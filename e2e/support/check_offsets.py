"""Checks a native Marginalia export the way a Python pipeline reads it: text[start:end] == span["text"]."""
import json
import sys


def main(path: str) -> int:
    bad = 0
    spans = 0
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = json.loads(raw)
            text = line["text"]
            for span in line["spans"]:
                spans += 1
                if text[span["start"]:span["end"]] != span["text"]:
                    bad += 1
                    print(f"{path}:{lineno}: span {span['id']} [{span['start']}:{span['end']}] "
                          f"is {text[span['start']:span['end']]!r} in the text, {span['text']!r} in the span")
    print(f"{spans} spans checked, {bad} wrong")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
