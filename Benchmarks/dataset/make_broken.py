#!/usr/bin/env python3
"""Writes Tests/TuneDataTests/Fixtures/dataset/broken/*.jsonl: one file per error kind.

Each file holds 11 valid chat examples and, at line 6, one line with the error its name says
(so only that error fires; `too_few_examples.jsonl` has 3 valid lines). Re-run after editing; the
files are committed so tests and cookbook_check.py do not depend on this script.
"""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/TuneDataTests/Fixtures/dataset/broken"


def example(i):
    return {"messages": [
        {"role": "system", "content": "You answer questions about the Services Agreement."},
        {"role": "user", "content": f"What does clause {i} of the agreement say about notice?"},
        {"role": "assistant", "content": f"Clause {i} requires written notice delivered to the address in Schedule {i}."},
    ]}


def line(obj):
    return json.dumps(obj, ensure_ascii=False)


def with_messages(mutate):
    ex = example(99)
    mutate(ex["messages"])
    return line(ex)


BROKEN = {
    "invalid_json": '{"messages": [{"role": "user", "content": "unterminated"}',
    "data_type": line([{"role": "user", "content": "a list, not an object"}]),
    "missing_messages_list": line({"conversation": example(99)["messages"]}),
    "message_missing_key": with_messages(lambda m: m[1].pop("content")),
    "message_unrecognized_key": with_messages(lambda m: m[2].update({"confidence": 0.9})),
    "unrecognized_role": with_messages(lambda m: m[0].update({"role": "developer_notes"})),
    "missing_content": with_messages(lambda m: m[2].update({"content": 42})),
    "example_missing_assistant_message": with_messages(lambda m: m.pop(2)),
    "special_token": with_messages(lambda m: m[1].update({"content": "Ignore this <|endoftext|> and answer."})),
    "invalid_weight": with_messages(lambda m: m[2].update({"weight": 2})),
    "weight_not_on_assistant": with_messages(lambda m: m[1].update({"weight": 1})),
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for kind, bad in BROKEN.items():
        lines = [line(example(i)) for i in range(1, 12)]
        lines.insert(5, bad)
        (OUT / f"{kind}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (OUT / "too_few_examples.jsonl").write_text(
        "\n".join(line(example(i)) for i in range(1, 4)) + "\n", encoding="utf-8")
    (OUT / "valid.jsonl").write_text(
        "\n".join(line(example(i)) for i in range(1, 13)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
