#!/usr/bin/env python3
"""Compares `tunedata validate` with the format checks of OpenAI's chat data-preparation cookbook.

The checks below are reimplemented from the cookbook's description ("Data preparation and analysis
for chat model fine-tuning", section "Format validation"): per example, `data_type` when the line is
not a dictionary, `missing_messages_list` when there is no (non-empty) `messages`; per message,
`message_missing_key` (no role or no content), `message_unrecognized_key` (a key other than role,
content, name, function_call, weight), `unrecognized_role` (not system, user, assistant, function),
`missing_content` (content not a string, or empty without a function_call); per example,
`example_missing_assistant_message`. The cookbook would crash on a line that is not JSON; here such
a line counts as `invalid_json`, which tunedata also reports.

Usage: python3 Benchmarks/dataset/cookbook_check.py [--tunedata PATH] [FILE.jsonl ...]
Default files: Tests/TuneDataTests/Fixtures/dataset/broken/*.jsonl. Exit status 1 on any disagreement.
"""
import argparse
import collections
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
COOKBOOK_KINDS = {
    "invalid_json", "data_type", "missing_messages_list", "message_missing_key",
    "message_unrecognized_key", "unrecognized_role", "missing_content",
    "example_missing_assistant_message",
}


def cookbook_errors(path):
    errors = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if not raw.strip():
                continue
            try:
                ex = json.loads(raw)
            except json.JSONDecodeError:
                errors["invalid_json"] += 1
                continue
            if not isinstance(ex, dict):
                errors["data_type"] += 1
                continue
            messages = ex.get("messages", None)
            if not messages or not isinstance(messages, list):
                errors["missing_messages_list"] += 1
                continue
            for message in messages:
                if not isinstance(message, dict):
                    errors["message_missing_key"] += 1
                    continue
                if "role" not in message or "content" not in message:
                    errors["message_missing_key"] += 1
                if any(k not in ("role", "content", "name", "function_call", "weight") for k in message):
                    errors["message_unrecognized_key"] += 1
                if message.get("role", None) not in ("system", "user", "assistant", "function"):
                    errors["unrecognized_role"] += 1
                content = message.get("content", None)
                function_call = message.get("function_call", None)
                if (not content and not function_call) or not isinstance(content, str):
                    errors["missing_content"] += 1
            if not any(isinstance(m, dict) and m.get("role", None) == "assistant" for m in messages):
                errors["example_missing_assistant_message"] += 1
    return errors


def tunedata_errors(binary, path):
    run = subprocess.run([binary, "validate", str(path), "--format", "json"], capture_output=True, text=True)
    report = json.loads(run.stdout)
    counts = collections.Counter(f["kind"] for f in report["findings"] if f["kind"] in COOKBOOK_KINDS)
    return counts, report, run.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tunedata", default=None)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    binary = args.tunedata
    if binary is None:
        for candidate in (ROOT / ".build/release/tunedata", ROOT / ".build/debug/tunedata"):
            if candidate.exists():
                binary = str(candidate)
                break
    if binary is None:
        sys.exit("build tunedata first (swift build) or pass --tunedata")
    files = [pathlib.Path(f) for f in args.files] or sorted((ROOT / "Tests/TuneDataTests/Fixtures/dataset/broken").glob("*.jsonl"))
    disagreements = 0
    print(f"{'file':42} {'cookbook':40} {'tunedata':40} exit agree")
    for path in files:
        expected = cookbook_errors(path)
        actual, report, status = tunedata_errors(binary, path)
        agree = expected == actual
        # A file the cookbook finds clean may still be rejected by tunedata's extra checks (special
        # tokens, weights, too few examples); a file the cookbook rejects must make tunedata exit 1.
        if expected and status != 1:
            agree = False
        disagreements += not agree
        show = lambda c: ",".join(f"{k}={v}" for k, v in sorted(c.items())) or "-"
        print(f"{path.name:42} {show(expected):40} {show(actual):40} {status:4} {'yes' if agree else 'NO'}")
    print(f"{len(files)} files, {disagreements} disagreements")
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
