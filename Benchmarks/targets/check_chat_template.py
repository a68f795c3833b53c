#!/usr/bin/env python3
"""Cross-checks `--tokenizer` counts through a chat template against Hugging Face `transformers`.

    python3 Benchmarks/targets/check_chat_template.py [--binary .build/release/tunedata] [--input corpus-samples]

Trains two byte-level BPE tokenizers here (no download) on the input texts, each with its family's
special tokens as added tokens and a `tokenizer_config.json` holding the family's plain chat
template (ChatML; Llama 3), writes a TRL chat file with `tunedata convert --target trl`, and counts
every line twice: `tunedata validate --tokenizer` on the line alone, and transformers'
`apply_chat_template` then `encode` of the rendered text. Prints, per family, the lines counted, how
many counts differ (0 expected), and the tokens the template adds over the message texts alone.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_tokenizer import LLAMA3_SPLIT, sample_lines  # noqa: E402

FAMILIES = {
    "ChatML": (
        ["<|im_start|>", "<|im_end|>"],
        "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}{% endfor %}",
    ),
    "Llama 3": (
        ["<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"],
        "{{ '<|begin_of_text|>' }}{% for message in messages %}{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n' + message['content'] + '<|eot_id|>' }}{% endfor %}",
    ),
}


def build(texts, special, folder, template):
    from tokenizers import Regex, Tokenizer, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(LLAMA3_SPLIT), behavior="isolated"),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
        ]
    )
    trainer = trainers.BpeTrainer(
        vocab_size=2000, special_tokens=special, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False)
    tokenizer.train_from_iterator(texts, trainer)
    os.makedirs(folder, exist_ok=True)
    tokenizer.save(os.path.join(folder, "tokenizer.json"))
    with open(os.path.join(folder, "tokenizer_config.json"), "w") as config:
        json.dump({"chat_template": template}, config)
    return tokenizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/tunedata")
    parser.add_argument("--input", default="corpus-samples")
    args = parser.parse_args()
    try:
        from transformers import PreTrainedTokenizerFast
    except ImportError:
        sys.exit("skipped: transformers does not import (pip install --no-deps transformers; pip install tokenizers jinja2)")
    texts = sample_lines(args.input)
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "out")
        subprocess.run([args.binary, "convert", args.input, "-o", out, "--target", "trl", "--quiet"], check=True,
                       capture_output=True)
        lines = open(os.path.join(out, "train.jsonl"), encoding="utf-8").read().splitlines()
        for family, (special, template) in FAMILIES.items():
            folder = os.path.join(scratch, family.replace(" ", ""))
            reference = build(texts, special, folder, template)
            fast = PreTrainedTokenizerFast(tokenizer_file=os.path.join(folder, "tokenizer.json"))
            fast.chat_template = template
            differ = added = 0
            for number, line in enumerate(lines, 1):
                messages = json.loads(line)["messages"]
                rendered = fast.apply_chat_template(messages, tokenize=False)
                theirs = len(fast(rendered, add_special_tokens=False)["input_ids"])
                added += theirs - sum(len(reference.encode(m["content"]).ids) for m in messages)
                single = os.path.join(scratch, "line.jsonl")
                with open(single, "w", encoding="utf-8") as handle:
                    handle.write(line + "\n")
                report = subprocess.run(
                    [args.binary, "validate", single, "--target", "trl", "--format", "json", "--tokenizer",
                     os.path.join(folder, "tokenizer.json")], capture_output=True, text=True)
                statistics = json.loads(report.stdout)["statistics"]
                ours = statistics["tokensPerExample"]["max"]
                if ours != theirs or statistics.get("tokensAreEstimated"):
                    differ += 1
                    if differ <= 3:
                        print(f"  {family} line {number}: transformers {theirs}, tunedata {ours}")
            print(f"{family}: {len(lines)} lines, {differ} counts differ from transformers; "
                  f"the template adds {added / max(len(lines), 1):.1f} tokens per example over the message texts")


if __name__ == "__main__":
    main()
