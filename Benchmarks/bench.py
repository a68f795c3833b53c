#!/usr/bin/env python3
"""tunedata's benchmark suite: builds in release mode, then runs tunedata and the peers a user would
pick instead on the same inputs in one run, and prints a table of figures and ratios.

    python3 Benchmarks/bench.py            # everything (needs ../shared/corpus and the peers)
    python3 Benchmarks/bench.py --only convert-pdf,convert-html,memory
    python3 Benchmarks/bench.py --runs 3   # median of three rounds (default five; each round runs every command once)

Peers: pdftotext (Debian poppler-utils), PyMuPDF, trafilatura, tiktoken (pip). Missing peers are
installed with pip/apt when possible, otherwise their rows are skipped with a note.
The table is also written to Benchmarks/results/latest.md."""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = (ROOT.parent / "shared" / "corpus").resolve()
BENCH = ROOT / "Benchmarks"
RESULTS = BENCH / "results"
rows = []   # (section, what, figures dict)
notes = []


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, **kwargs)


def measure_once(cmd):
    out = subprocess.run([sys.executable, str(BENCH / "measure.py")] + cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def summarise(cmd, samples):
    figures = {key: statistics.median(s[key] for s in samples) for key in ("wall", "user", "sys", "max_rss_mb")}
    figures["cpu"] = figures["user"] + figures["sys"]
    figures["exit"] = samples[-1]["exit"]
    if figures["exit"] not in (0,):
        notes.append(f"`{' '.join(cmd[:3])} ...` exited {figures['exit']}: {samples[-1]['stderr_tail'].strip()[-200:]}")
    return figures


def measure(cmd, runs):
    """Median figures of `runs` whole-process measurements of cmd (after one warm-up)."""
    return measure_together([cmd], runs)[0]


def measure_together(commands, runs):
    """Median figures of each command over `runs` rounds, after one warm-up each. A round runs
    every command once, in turn, so a busy spell on a shared machine falls on all of them rather
    than on whichever happened to be running: the ratios between them stay fair."""
    for cmd in commands:
        subprocess.run([sys.executable, str(BENCH / "measure.py")] + cmd, capture_output=True)
    samples = [[] for _ in commands]
    for _ in range(runs):
        for index, cmd in enumerate(commands):
            samples[index].append(measure_once(cmd))
    return [summarise(cmd, found) for cmd, found in zip(commands, samples)]


def ensure_python(module, package):
    try:
        __import__(module)
        return True
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], capture_output=True)
        try:
            __import__(module)
            return True
        except ImportError:
            notes.append(f"{package} could not be installed; its rows are skipped")
            return False


def tunedata_binary():
    run(["swift", "build", "-c", "release", "--product", "tunedata"], cwd=ROOT, stdout=subprocess.DEVNULL)
    return str(ROOT / ".build" / "release" / "tunedata")


def pdf_pages(paths):
    total = 0
    for path in paths:
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
        for line in out.stdout.splitlines():
            if line.startswith("Pages:"):
                total += int(line.split()[1])
    return total


def bench_pdf(tunedata, runs, jobs):
    folder = CORPUS / "legal-pdf" / "cuad" / "pdf"
    files = sorted(folder.iterdir())
    pages = pdf_pages(files)
    out = tempfile.mkdtemp(prefix="tunedata-bench-")
    commands = [
        [tunedata, "convert", str(folder), "-o", out + "/1", "--jobs", "1", "--quiet"],
        [tunedata, "convert", str(folder), "-o", out + "/n", "--jobs", str(jobs), "--quiet"],
        ["bash", str(BENCH / "peers" / "pdftotext_all.sh")] + [str(f) for f in files],
    ]
    has_mupdf = ensure_python("pymupdf", "pymupdf")
    if has_mupdf:
        commands.append([sys.executable, str(BENCH / "peers" / "pymupdf_extract.py")] + [str(f) for f in files])
    one, many, floor, *rest = measure_together(commands, runs)
    rows.append(("PDF: 50 CUAD contracts, %d pages" % pages, "tunedata convert, 1 job", one, pages))
    rows.append(("PDF: 50 CUAD contracts, %d pages" % pages, f"tunedata convert, {jobs} jobs", many, pages))
    rows.append(("PDF: 50 CUAD contracts, %d pages" % pages, "pdftotext (text only, 1 process per file)", floor, pages))
    mupdf = rest[0] if rest else None
    if mupdf:
        rows.append(("PDF: 50 CUAD contracts, %d pages" % pages, "PyMuPDF get_text (text only, 1 process)", mupdf, pages))
    ratios = {
        "scaling, 1 job ÷ %d jobs (wall)" % jobs: one["wall"] / many["wall"],
        "CPU, tunedata ÷ pdftotext": many["cpu"] / floor["cpu"],
    }
    if mupdf:
        ratios["wall, tunedata (%d jobs) ÷ PyMuPDF" % jobs] = many["wall"] / mupdf["wall"]
    shutil.rmtree(out, ignore_errors=True)
    return ratios, one


def bench_memory(tunedata, runs, jobs, once):
    folder = CORPUS / "legal-pdf" / "cuad" / "pdf"
    tenfold = Path(tempfile.mkdtemp(prefix="tunedata-tenfold-"))
    # Real copies: tunedata converts a file reached twice (through a symbolic or a hard link: the
    # same device and inode) only once, so links would not make ten times the work.
    for i in range(10):
        copy = tenfold / f"copy{i:02d}"
        copy.mkdir()
        for f in folder.iterdir():
            shutil.copyfile(f, copy / f.name)
    out = tempfile.mkdtemp(prefix="tunedata-bench-")
    ten = measure([tunedata, "convert", str(tenfold), "-o", out, "--jobs", "1", "--quiet"], 1)
    shutil.rmtree(tenfold, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    rows.append(("Memory: CUAD ×10 (500 files, 8,540 pages)", "tunedata convert, 1 job", ten, 8540))
    return {"peak memory, corpus ×10 ÷ ×1": ten["max_rss_mb"] / once["max_rss_mb"]}


def html_bench_pages():
    """The trafilatura benchmark's pages: each entry's first stored copy, one per file name."""
    base = CORPUS / "html-bench" / "trafilatura"
    evaldata = json.loads((base / "evaldata.json").read_text())
    pages = {}
    for entry in evaldata.values():
        for sub in ("eval", "cache"):
            source = base / sub / (entry["file"] + ".gz")
            if source.exists():
                pages.setdefault(source.name, source)
                break
    return list(pages.values())


def bench_html(tunedata, runs, jobs):
    folder = Path(tempfile.mkdtemp(prefix="tunedata-html-"))
    files = []
    for source in html_bench_pages():
        (folder / source.name).symlink_to(source)
        files.append(str(source))
    out = tempfile.mkdtemp(prefix="tunedata-bench-")
    label = "HTML: trafilatura benchmark, %d pages" % len(files)
    commands = [
        [tunedata, "convert", str(folder), "-o", out + "/1", "--jobs", "1", "--quiet", "--follow-symlinks"],
        [tunedata, "convert", str(folder), "-o", out + "/n", "--jobs", str(jobs), "--quiet", "--follow-symlinks"],
    ]
    has_peer = ensure_python("trafilatura", "trafilatura") and ensure_python("lxml_html_clean", "lxml_html_clean")
    if has_peer:
        commands.append([sys.executable, str(BENCH / "peers" / "trafilatura_extract.py")] + files)
    one, many, *rest = measure_together(commands, runs)
    rows.append((label, "tunedata convert, 1 job", one, len(files)))
    rows.append((label, f"tunedata convert, {jobs} jobs", many, len(files)))
    ratios = {}
    if has_peer:
        peer = rest[0]
        rows.append((label, "trafilatura.extract alone (fast mode, 1 process)", peer, len(files)))
        ratios["speed, trafilatura ÷ tunedata (1 job, wall)"] = peer["wall"] / one["wall"]
        ratios["speed, trafilatura ÷ tunedata (%d jobs, wall)" % jobs] = peer["wall"] / many["wall"]
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    return ratios


STAGES = {
    # name: (what it measures, command run from the package root)
    "tokenizer": ("BPE encode throughput vs tiktoken 0.14", ["bash", "Benchmarks/tokenizer/run.sh"]),
    "pdf": ("PDF fidelity vs CUAD text, header/footer leakage, speed vs pdftotext and PyMuPDF, output intents",
            [sys.executable, "Benchmarks/pdf/bench.py"]),
    "html": ("main-content F1 on 990 pages and legal word F1 vs trafilatura; speed vs bare libxml2 parse",
             ["bash", "Benchmarks/html/run.sh"]),
    "dataset": ("near-duplicate precision/recall and 1,000,000-example dedup throughput",
                ["sh", "-c", "swift build -c release --product DatasetBenchmark >/dev/null && "
                 ".build/release/DatasetBenchmark neardup ../shared/corpus/legal-pdf/cuad/txt && "
                 "/usr/bin/time -f 'wall %es, peak %MKB' .build/release/DatasetBenchmark throughput 1000000 2>&1"]),
    "templates": ("what the legal templates make of the 50 CUAD contracts",
                  [sys.executable, "Benchmarks/templates/cuad_stats.py"]),
}


def sub_benchmarks(only):
    """Each stage keeps its own benchmark; their reports are appended verbatim."""
    sections = []
    for name, (what, command) in STAGES.items():
        if only and name not in only:
            continue
        print(f"== {name}: {what}", file=sys.stderr)
        out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        sections.append((f"{name}: {what}", out.stdout.strip() or out.stderr.strip()[-2000:]))
    return sections


def table(ratio_sets, sections, jobs):
    lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; medians of the runs.", ""]
    lines.append("| benchmark | command | wall s | CPU s | peak MB | items/s |")
    lines.append("|---|---|---:|---:|---:|---:|")
    for section, what, f, items in rows:
        rate = f"{items / f['wall']:.1f}" if items else ""
        lines.append(f"| {section} | {what} | {f['wall']:.2f} | {f['cpu']:.2f} | {f['max_rss_mb']:.0f} | {rate} |")
    lines.append("")
    lines.append("| ratio | value |")
    lines.append("|---|---:|")
    for ratios in ratio_sets:
        for key, value in ratios.items():
            lines.append(f"| {key} | {value:.2f} |")
    for name, text in sections:
        lines += ["", f"### {name}", "", "```", text, "```"]
    if notes:
        lines += ["", "Notes:"] + [f"- {n}" for n in notes]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--only", default="",
                        help="comma-separated: convert-pdf, convert-html, memory, and the stages " + ",".join(STAGES))
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: the benchmarks need ../shared/corpus beside the project")
    tunedata = tunedata_binary()
    ratio_sets = []
    if not only or "convert-pdf" in only or "memory" in only:
        ratios, once = bench_pdf(tunedata, args.runs, args.jobs)
        ratio_sets.append(ratios)
        if not only or "memory" in only:
            ratio_sets.append(bench_memory(tunedata, args.runs, args.jobs, once))
    if not only or "convert-html" in only:
        ratio_sets.append(bench_html(tunedata, args.runs, args.jobs))
    sections = sub_benchmarks(only)
    text = table(ratio_sets, sections, args.jobs)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
