#!/usr/bin/env python3
"""Runs tunedata for every target on corpus-samples/ and checks the files with the target's own
tooling where it installs from PyPI, beside tunedata's own verdict.

    python3 Benchmarks/targets/check_targets.py [--binary .build/release/tunedata] [--input corpus-samples]

For each target and record shape it prints: lines written, tunedata validate's verdict, and the
verdict of the peer tool:
  - trl (chat, completion, preference): Hugging Face `datasets.load_dataset("json")` loads the file,
    then TRL's own `trl.data_utils.is_conversational` on every row and the columns its trainers need
    (SFTTrainer: messages, or prompt+completion; DPOTrainer: prompt, chosen, rejected);
  - every other target: `datasets.load_dataset("json")` loads the file (a loader check only: the
    providers publish no validator on PyPI; LLaMA-Factory's loader needs torch, whose PyPI wheels pull
    the CUDA stack and did not install within 15 minutes here: see README.md).
A peer that does not install is reported as skipped. `pip install datasets trl transformers --no-deps`
plus `datasets`' own dependencies is enough (about 100 MB, no torch).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

TARGETS = {
    "openai": ["chat", "completion", "preference"],
    "azure-openai": ["chat", "completion", "preference"],
    "together": ["chat", "completion", "preference"],
    "fireworks": ["chat", "preference"],
    "mistral": ["chat"],
    "vertex-gemini": ["chat"],
    "bedrock-nova": ["chat"],
    "bedrock-claude": ["chat"],
    "trl": ["chat", "completion", "preference"],
    "llama-factory": ["chat", "completion", "preference"],
}


def peer_verdict(target, shape, path):
    try:
        import datasets  # noqa: F401
        from datasets import load_dataset
    except ImportError:
        return "skipped (datasets does not install)"
    datasets.disable_progress_bars()
    try:
        rows = load_dataset("json", data_files=path, split="train")
    except Exception as error:  # the loader's verdict is the point
        return f"rejected by datasets: {type(error).__name__}"
    if target != "trl":
        return f"loaded {len(rows)} rows (datasets)"
    try:
        from trl.data_utils import is_conversational
    except ImportError:
        return f"loaded {len(rows)} rows (datasets); trl skipped (does not import)"
    needed = {"chat": {"messages"}, "completion": {"prompt", "completion"}, "preference": {"prompt", "chosen", "rejected"}}[shape]
    missing = needed - set(rows.column_names)
    if missing:
        return f"rejected: missing columns {sorted(missing)}"
    accepted = sum(1 for row in rows if shape == "completion" or is_conversational(row))
    return f"TRL accepts {accepted}/{len(rows)} rows"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/tunedata")
    parser.add_argument("--input", default="corpus-samples")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"build first: swift build -c release ({args.binary} not found)")
    print(f"{'target':15} {'shape':11} {'lines':>5}  {'tunedata validate':18} peer")
    disagreements = 0
    with tempfile.TemporaryDirectory() as scratch:
        for target, shapes in TARGETS.items():
            for shape in shapes:
                out = os.path.join(scratch, f"{target}-{shape}")
                command = [args.binary, "convert", args.input, "-o", out, "--target", target, "--format", shape, "--quiet"]
                if shape == "preference":
                    command.append("--hard-negatives")
                subprocess.run(command, capture_output=True)
                train = os.path.join(out, "train.jsonl")
                if not os.path.exists(train):
                    print(f"{target:15} {shape:11} {'-':>5}  {'no file':18}")
                    continue
                lines = sum(1 for _ in open(train, encoding="utf-8"))
                verdict = subprocess.run(
                    [args.binary, "validate", train, "--target", target], capture_output=True, text=True)
                ours = "acceptable" if verdict.returncode == 0 else "rejected"
                peer = peer_verdict(target, shape, train)
                if (ours == "acceptable") == peer.startswith("rejected"):
                    disagreements += 1
                print(f"{target:15} {shape:11} {lines:5}  {ours:18} {peer}")
    print(f"disagreements: {disagreements}")


if __name__ == "__main__":
    main()
