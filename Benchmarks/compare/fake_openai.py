#!/usr/bin/env python3
"""A local stand-in for the OpenAI API parts tunedata's loop uses (standard library only).

Files, Uploads (parts + MD5 check), fine-tuning jobs (with events and checkpoints, advancing one
stage per poll), and chat completions. It answers the way the published OpenAPI description
shapes responses, so `tunedata upload`, `train --wait` and `compare` can run end to end offline:

    python3 Benchmarks/compare/fake_openai.py --port 8787 &
    export OPENAI_BASE_URL=http://127.0.0.1:8787/v1 OPENAI_API_KEY=sk-local-anything

Chat models: a model whose name starts with "ft:" answers from the examples uploaded for it (the
reference answer to a question it was trained on, or validated on, except every fifth question,
which it answers with the first sentence only); any other model answers with a generic sentence;
a model whose name contains "judge" grades answers A/B/C. Nothing here is a language model.
"""
import argparse
import hashlib
import json
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.RLock()
FILES = {}      # id -> {"meta": OpenAIFile, "data": bytes}
UPLOADS = {}    # id -> {"meta": Upload, "parts": {part_id: bytes}}
JOBS = {}       # id -> {"job": FineTuningJob, "polls": int}
KNOWN = {}      # last user message -> reference answer, from every uploaded fine-tune file
COUNTER = [0]
STEPS = 12


def next_id(prefix):
    with LOCK:
        COUNTER[0] += 1
        return f"{prefix}-{COUNTER[0]:06d}"


def learn(data):
    for line in data.decode("utf-8", "replace").splitlines():
        try:
            messages = json.loads(line)["messages"]
        except (ValueError, KeyError, TypeError):
            continue
        users = [m["content"] for m in messages if m.get("role") == "user"]
        if users and messages[-1].get("role") == "assistant":
            KNOWN[users[-1]] = messages[-1]["content"]


def file_object(fid, name, size):
    return {"id": fid, "object": "file", "bytes": size, "created_at": int(time.time()),
            "filename": name, "purpose": "fine-tune", "status": "processed"}


def parse_multipart(body, content_type):
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    if not match:
        return {}
    fields = {}
    for part in body.split(b"--" + match.group(1).encode())[1:]:
        if part.startswith(b"--"):
            break
        head, _, value = part.partition(b"\r\n\r\n")
        name = re.search(rb'name="([^"]*)"', head)
        filename = re.search(rb'filename="([^"]*)"', head)
        if name:
            fields[name.group(1).decode()] = (value[:-2] if value.endswith(b"\r\n") else value,
                                             filename.group(1).decode() if filename else None)
    return fields


def advance(entry):
    """One more poll: validating_files, then running steps, then succeeded (or the configured failure)."""
    job = entry["job"]
    if job["status"] in ("succeeded", "failed", "cancelled"):
        return
    entry["polls"] += 1
    step = min(STEPS, entry["polls"] * 4 - 4)
    if entry["polls"] == 1:
        job["status"] = "validating_files"
    elif ARGS.fail_message:
        job["status"] = "failed"
        job["error"] = {"code": "invalid_training_file", "message": ARGS.fail_message, "param": "training_file"}
        job["finished_at"] = int(time.time())
    elif step < STEPS:
        job["status"] = "running"
    else:
        job["status"] = "succeeded"
        job["finished_at"] = int(time.time())
        job["trained_tokens"] = 1000 * STEPS
        job["fine_tuned_model"] = f"ft:{job['model']}:tunedata:{job.get('user_provided_suffix') or 'loop'}:{job['id'][-6:]}"
    if job["status"] in ("running", "succeeded"):
        metrics = {"step": step, "total_steps": STEPS, "train_loss": round(2.0 / (1 + step), 4),
                   "valid_loss": round(2.2 / (1 + step), 4)}
        entry["events"].insert(0, {"object": "fine_tuning.job.event", "id": next_id("ftevent"),
                                   "created_at": int(time.time()), "level": "info", "type": "metrics",
                                   "message": f"Step {step}/{STEPS}: training loss={metrics['train_loss']}",
                                   "data": metrics})
        if job["status"] == "succeeded":
            entry["checkpoints"].insert(0, {"object": "fine_tuning.job.checkpoint", "id": next_id("ftckpt"),
                                            "created_at": int(time.time()), "fine_tuning_job_id": job["id"],
                                            "fine_tuned_model_checkpoint": job["fine_tuned_model"] + ":ckpt",
                                            "step_number": step, "metrics": metrics})


def judge(text):
    gold = text.split("Gold answer:\n", 1)[-1].split("\n\nAnswer to grade:\n", 1)
    answer = gold[1].rsplit("\n\nGrade:", 1)[0] if len(gold) > 1 else ""
    words = lambda s: re.findall(r"\w+", s.lower())
    g, a = words(gold[0]), words(answer)
    if not a or answer.startswith("I cannot"):
        return "C"
    common = sum(min(g.count(w), a.count(w)) for w in set(a))
    return "A" if common and 2 * common / (len(g) + len(a)) >= 0.5 else "B"


def chat(body):
    model, messages = body["model"], body["messages"]
    question = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
    if "judge" in model:
        return judge(question)
    if model.startswith("ft:"):
        key = question.rsplit("\n\n", 1)[1] if question.startswith("Source passage:\n") else question
        reference = KNOWN.get(key)
        if reference is None:
            return "I cannot find that provision."
        if int(hashlib.sha256(key.encode()).hexdigest(), 16) % 5 == 0:
            return re.split(r"(?<=[.;:])\s", reference, maxsplit=1)[0]
        return reference
    return "The document addresses this in its general terms; the specific wording is not available to me."


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, message, code=None):
        self.reply(status, {"error": {"message": message, "type": "invalid_request_error", "param": None,
                                      "code": code}})

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def authorised(self):
        if ARGS.key and self.headers.get("Authorization") != f"Bearer {ARGS.key}":
            self.error(401, "Incorrect API key provided.", "invalid_api_key")
            return False
        return True

    def do_GET(self):
        if not self.authorised():
            return
        path = self.path.split("?", 1)[0].removeprefix("/v1")
        parts = path.strip("/").split("/")
        with LOCK:
            if parts[0] == "files" and len(parts) == 2:
                f = FILES.get(parts[1])
                return self.reply(200, f["meta"]) if f else self.error(404, f"No such File object: {parts[1]}")
            if parts[:2] == ["fine_tuning", "jobs"]:
                if len(parts) == 2:
                    jobs = [e["job"] for e in reversed(JOBS.values())]
                    return self.reply(200, {"object": "list", "data": jobs, "has_more": False})
                entry = JOBS.get(parts[2])
                if not entry:
                    return self.error(404, f"Could not find fine-tune: {parts[2]}")
                if len(parts) == 3:
                    advance(entry)
                    return self.reply(200, entry["job"])
                if parts[3] in ("events", "checkpoints"):
                    return self.reply(200, {"object": "list", "data": entry[parts[3]], "has_more": False})
        self.error(404, f"Unknown path {self.path}")

    def do_POST(self):
        if not self.authorised():
            return
        path = self.path.split("?", 1)[0].removeprefix("/v1")
        parts = path.strip("/").split("/")
        raw = self.body()
        if path == "/chat/completions":
            time.sleep(ARGS.latency_ms / 1000)
            body = json.loads(raw)
            with LOCK:
                text = chat(body)
            return self.reply(200, {"id": next_id("chatcmpl"), "object": "chat.completion",
                                    "created": int(time.time()), "model": body["model"],
                                    "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                                                 "message": {"role": "assistant", "content": text,
                                                             "refusal": None}}]})
        with LOCK:
            if path == "/files":
                fields = parse_multipart(raw, self.headers.get("Content-Type", ""))
                if "file" not in fields or fields.get("purpose", (b"",))[0] != b"fine-tune":
                    return self.error(400, "Expected a file and purpose fine-tune.")
                data, name = fields["file"]
                fid = next_id("file")
                FILES[fid] = {"meta": file_object(fid, name, len(data)), "data": data}
                learn(data)
                return self.reply(200, FILES[fid]["meta"])
            if path == "/uploads":
                body = json.loads(raw)
                uid = next_id("upload")
                UPLOADS[uid] = {"parts": {}, "order": [], "meta": {
                    "id": uid, "object": "upload", "bytes": body["bytes"], "created_at": int(time.time()),
                    "expires_at": int(time.time()) + 3600, "filename": body["filename"],
                    "purpose": body["purpose"], "status": "pending", "file": None}}
                return self.reply(200, UPLOADS[uid]["meta"])
            if parts[0] == "uploads" and len(parts) == 3 and parts[1] in UPLOADS:
                upload = UPLOADS[parts[1]]
                if parts[2] == "parts":
                    data = parse_multipart(raw, self.headers.get("Content-Type", "")).get("data", (b"",))[0]
                    pid = next_id("part")
                    upload["parts"][pid] = data
                    return self.reply(200, {"id": pid, "object": "upload.part", "created_at": int(time.time()),
                                            "upload_id": parts[1]})
                if parts[2] == "complete":
                    body = json.loads(raw)
                    data = b"".join(upload["parts"][p] for p in body["part_ids"])
                    if len(data) != upload["meta"]["bytes"] or ("md5" in body and
                                                                hashlib.md5(data).hexdigest() != body["md5"]):
                        return self.error(400, "The uploaded bytes do not match the declared size or MD5.")
                    fid = next_id("file")
                    FILES[fid] = {"meta": file_object(fid, upload["meta"]["filename"], len(data)), "data": data}
                    learn(data)
                    upload["meta"].update(status="completed", file=FILES[fid]["meta"])
                    return self.reply(200, upload["meta"])
            if path == "/fine_tuning/jobs":
                body = json.loads(raw)
                if ARGS.refuse_jobs:
                    return self.error(403, ARGS.refuse_jobs, "permission_denied")
                for key in ("training_file", "validation_file"):
                    if body.get(key) and body[key] not in FILES:
                        return self.error(400, f"invalid {key}: {body[key]}")
                jid = next_id("ftjob")
                method = body.get("method") or {"type": "supervised"}
                job = {"object": "fine_tuning.job", "id": jid, "model": body["model"], "created_at": int(time.time()),
                       "finished_at": None, "fine_tuned_model": None, "organization_id": "org-local",
                       "result_files": [], "status": "queued", "validation_file": body.get("validation_file"),
                       "training_file": body["training_file"], "error": None, "trained_tokens": None,
                       "seed": body.get("seed", 42), "estimated_finish": None, "integrations": [],
                       "metadata": None, "method": method, "user_provided_suffix": body.get("suffix"),
                       "hyperparameters": {"n_epochs": "auto", "batch_size": "auto",
                                           "learning_rate_multiplier": "auto"}}
                JOBS[jid] = {"job": job, "polls": 0, "events": [], "checkpoints": []}
                return self.reply(200, job)
            if parts[:2] == ["fine_tuning", "jobs"] and len(parts) == 4 and parts[3] == "cancel":
                entry = JOBS.get(parts[2])
                if not entry:
                    return self.error(404, f"Could not find fine-tune: {parts[2]}")
                if entry["job"]["status"] not in ("succeeded", "failed"):
                    entry["job"]["status"] = "cancelled"
                return self.reply(200, entry["job"])
        self.error(404, f"Unknown path {self.path}")


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8787, help="0 picks a free port")
    parser.add_argument("--latency-ms", type=int, default=0, help="delay before each chat answer")
    parser.add_argument("--key", help="accept only this bearer key (default: any)")
    parser.add_argument("--fail-message", help="jobs fail with this error message (e.g. one naming a line)")
    parser.add_argument("--refuse-jobs", help="answer new jobs 403 with this message")
    ARGS = parser.parse_args()
    # A parent may have blocked SIGTERM in the thread that started this process; unblock it so that an
    # ordinary `kill PID` stops the server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    ThreadingHTTPServer.request_queue_size = 128
    server = ThreadingHTTPServer(("127.0.0.1", ARGS.port), Handler)
    server.daemon_threads = True
    print(f"listening on http://127.0.0.1:{server.server_address[1]}/v1", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
