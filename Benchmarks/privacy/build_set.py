#!/usr/bin/env python3
"""Builds the labelled privacy set: real legal passages, untouched and with synthetic values inserted.

Passages come from ../shared/corpus: CUAD's contract texts, the court filings' extracted text
(through `tunedata extract`) and the GDPR. Each sampled passage appears three times:
  untouched  - as it is (false positives on real legal text; real values it holds are listed
               by hand in real_values.tsv),
  inserted   - with one synthetic value of a type inserted at a sentence boundary, in a sentence
               that reads like a filing or a config snippet,
  decoy      - with a near-miss inserted (an SSN in a never-issued range, a card failing Luhn, an
               IBAN failing mod-97, a routing number failing its checksum, a section number that
               looks like an IPv4 address, a docket number, a statute citation...), which must not be found.
Writes set.jsonl ({"id", "text"}) and labels.jsonl ({"id", "kind", "source", "held_out", "types"}).
Deterministic for a seed. Values are synthetic; none is a real person's.
"""
import argparse, base64, collections, json, os, random, re, string, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "legal-pdf")

# ---------- synthetic values -------------------------------------------------------------------

def luhn_complete(prefix, length, rng):
    digits = [int(c) for c in prefix] + [rng.randrange(10) for _ in range(length - len(prefix) - 1)]
    for check in range(10):
        candidate = digits + [check]
        total = 0
        for i, d in enumerate(reversed(candidate)):
            if i % 2 == 1:
                d *= 2
                d = d - 9 if d > 9 else d
            total += d
        if total % 10 == 0:
            return "".join(map(str, candidate))

def group(number, sizes, sep):
    out, i = [], 0
    for s in sizes:
        out.append(number[i:i + s]); i += s
    return sep.join(out)

def card(rng, valid=True):
    kind = rng.choice(["visa", "mc", "mc2", "amex", "discover", "jcb"])
    prefix, length = {"visa": ("4", 16), "mc": (str(rng.randint(51, 55)), 16), "mc2": (str(rng.randint(2221, 2720)), 16),
                      "amex": (rng.choice(["34", "37"]), 15), "discover": ("6011", 16),
                      "jcb": (str(rng.randint(3528, 3589)), 16)}[kind]
    number = luhn_complete(prefix, length, rng)
    if not valid:
        number = number[:-1] + str((int(number[-1]) + rng.randint(1, 9)) % 10)
    sep = rng.choice([" ", "-", ""])
    if length == 15:
        return group(number, [4, 6, 5], sep) if sep else number
    return group(number, [4, 4, 4, 4], sep) if sep else number

IBAN_SHAPES = {"DE": "8n10n", "GB": "4a14n", "FR": "10n11c2n", "NL": "4a10n", "ES": "20n", "IT": "1a10n12c", "BE": "12n", "CH": "5n12c"}

def iban(rng, valid=True):
    country = rng.choice(sorted(IBAN_SHAPES))
    bban = ""
    for count, kind in re.findall(r"(\d+)([anc])", IBAN_SHAPES[country]):
        pool = {"n": string.digits, "a": string.ascii_uppercase, "c": string.digits + string.ascii_uppercase}[kind]
        bban += "".join(rng.choice(pool) for _ in range(int(count)))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    if not valid:
        check = (check + rng.randint(1, 50)) % 97 + 2
    value = f"{country}{check:02d}{bban}"
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if rng.random() < 0.6 else value

def routing(rng, valid=True):
    first = rng.choice(list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73)))
    d = [first // 10, first % 10] + [rng.randrange(10) for _ in range(6)]
    partial = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
    last = (10 - partial % 10) % 10
    if not valid:
        last = (last + rng.randint(1, 9)) % 10
    return "".join(map(str, d + [last]))

def ssn(rng, valid=True):
    if valid:
        area = rng.choice([a for a in range(1, 900) if a != 666])
        return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
    bad = rng.choice(["000", "666", "9xx", "g00", "s0000"])
    area, grp, serial = rng.choice([a for a in range(1, 900) if a != 666]), rng.randint(1, 99), rng.randint(1, 9999)
    if bad == "000": area = 0
    if bad == "666": area = 666
    if bad == "9xx": area = rng.randint(900, 999)
    if bad == "g00": grp = 0
    if bad == "s0000": serial = 0
    return f"{area:03d}-{grp:02d}-{serial:04d}"

FIRST = ["james", "maria", "wei", "olga", "ahmed", "lucia", "tom", "anna", "raj", "sofia"]
LAST = ["okafor", "schmidt", "nguyen", "garcia", "kowalski", "haddad", "smith", "rossi", "tanaka", "dubois"]
DOMAINS = ["example.com", "mail.example.org", "lawfirm-example.co.uk", "example.net", "corp.example.de"]

def email(rng):
    sep = rng.choice([".", "_", ""])
    return f"{rng.choice(FIRST)}{sep}{rng.choice(LAST)}{rng.choice(['', str(rng.randint(1, 99))])}@{rng.choice(DOMAINS)}"

def phone(rng):
    area, exch, line = rng.randint(201, 989), rng.randint(200, 999), rng.randint(0, 9999)
    return rng.choice([
        f"({area}) {exch}-{line:04d}", f"{area}-{exch}-{line:04d}", f"{area}.{exch}.{line:04d}",
        f"+1 {area} {exch} {line:04d}", f"1-{area}-{exch}-{line:04d}",
        f"+44 20 {rng.randint(7000, 8999)} {rng.randint(1000, 9999)}", f"+49 30 {rng.randint(1000000, 9999999)}",
        f"+33 1 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        f"+81-3-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"])

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

def birth_date(rng):
    y, m, d = rng.randint(1930, 2015), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{MONTHS[m - 1]} {d}, {y}",
                       f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1][:3]}. {d}, {y}"])

def ip(rng):
    """IPv4 and IPv6 in the forms logs, configs and filings write them."""
    def v4(small=False):
        first = rng.choice([10, 172, 192, 203, 198, 45, 81]) if not small else rng.choice([10, 12, 24, 31])
        top = 40 if small else 255
        return ".".join(str(x) for x in [first, rng.randint(0, top), rng.randint(0, top), rng.randint(1, min(top, 254))])
    def v6():
        groups = [f"{rng.randint(0, 65535):x}" for _ in range(8)]
        form = rng.choice(["full", "middle", "leading", "short", "mapped", "upper"])
        if form == "full": return ":".join(groups)
        if form == "middle": return f"2001:db8:{groups[2]}::{groups[5]}:{groups[7]}"
        if form == "leading": return f"fe80::{groups[4]}:{groups[5]}:{groups[6]}:{groups[7]}"
        if form == "short": return f"2001:db8::{groups[7]}"
        if form == "mapped": return f"::ffff:{v4()}"
        return ":".join(groups).upper()
    address = v6() if rng.random() < 0.4 else v4(small=rng.random() < 0.3)
    v6form = ":" in address
    wrap = rng.choice(["plain", "plain", "port", "cidr", "url"])
    if wrap == "port": return f"[{address}]:{rng.choice([22, 443, 8080, 3389])}" if v6form else f"{address}:{rng.choice([22, 443, 8080, 3389])}"
    if wrap == "cidr": return f"{address}/{rng.choice([48, 64, 128] if v6form else [8, 16, 24, 32])}"
    if wrap == "url": return f"https://[{address}]/login" if v6form else f"http://{address}/admin"
    return address

STREETS = ["Maple", "Oak Hill", "Harbor View", "Elm", "Washington", "Lakeshore", "Pine Ridge", "Market", "King", "Cedar"]
SUFFIXES = ["Street", "Avenue", "Road", "Boulevard", "Lane", "Drive", "Court", "Place", "Way", "St.", "Ave.", "Rd."]
CITIES = [("Springfield", "IL", "62704"), ("Austin", "TX", "78701"), ("Portland", "OR", "97205"), ("Albany", "NY", "12207")]

def address(rng):
    base = f"{rng.randint(1, 98000)} {rng.choice(['', 'North ', 'W. '])}{rng.choice(STREETS)} {rng.choice(SUFFIXES)}"
    if rng.random() < 0.3:
        base += f", Apt. {rng.randint(1, 40)}"
    if rng.random() < 0.6:
        city, state, zip_code = rng.choice(CITIES)
        base += f", {city}, {state} {zip_code}"
    return base

def rand(rng, pool, n):
    return "".join(rng.choice(pool) for _ in range(n))

ALNUM = string.ascii_letters + string.digits
B64 = ALNUM + "+/"

def b64url(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")

SECRETS = {
    "private_key": lambda r: "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(rand(r, B64, 64) for _ in range(4)) + "\n-----END RSA PRIVATE KEY-----",
    "aws_access_key": lambda r: r.choice(["AKIA", "ASIA"]) + rand(r, string.ascii_uppercase + "234567", 16),
    "aws_secret_key": lambda r: rand(r, B64, 40),
    "google_api_key": lambda r: "AIza" + rand(r, ALNUM + "-_", 35),
    "github_token": lambda r: r.choice(["ghp_", "gho_", "ghs_"]) + rand(r, ALNUM, 36),
    "slack_token": lambda r: f"xoxb-{r.randint(10**10, 10**11)}-{r.randint(10**11, 10**12)}-{rand(r, ALNUM, 24)}",
    "openai_key": lambda r: r.choice(["sk-proj-" + rand(r, ALNUM + "-_", 64), "sk-" + rand(r, ALNUM, 48)]),
    "stripe_key": lambda r: r.choice(["sk_live_", "sk_test_", "rk_live_"]) + rand(r, ALNUM, 24),
    "jwt": lambda r: b64url({"alg": "HS256", "typ": "JWT"}) + "." + b64url({"sub": str(r.randint(1, 10**6)), "iat": r.randint(10**9, 2 * 10**9)}) + "." + rand(r, ALNUM + "-_", 43),
    "password": lambda r: rand(r, string.ascii_letters, 6) + str(r.randint(10, 99)) + r.choice("!#$%&*"),
    "secret_token": lambda r: rand(r, ALNUM, 32),
}

# A sentence for each type: the value appears where {} is.
SENTENCES = {
    "email": ["Notices may also be sent by e-mail to {}.", "Contact the paralegal at {} with any questions.", "({})"],
    "phone": ["Telephone: {}.", "Counsel may be reached at {}.", "Fax: {}", "call {} during business hours."],
    "ssn": ["The debtor's Social Security number is {}.", "SSN: {}", "Taxpayer ID {} was listed on the form."],
    "payment_card": ["The fee was charged to card number {}.", "Card: {}", "paid with {} on file."],
    "iban": ["Payment shall be made to IBAN {}.", "Account: {}", "wire the funds to {} within five days."],
    "routing_number": ["ABA routing number {}", "Routing No.: {}", "Bank: First National, routing {}"],
    "date_of_birth": ["Date of birth: {}.", "The minor was born on {}.", "DOB {}", "(date of birth {})"],
    "ip_address": ["The login came from IP address {}.", "server {} was logged.", "from {} at 10:42 p.m.",
                   "Requests from {} were blocked by the firewall.", "connected to {} over the VPN", "(source address {})",
                   "X-Forwarded-For: {}", "The access log lists {}; no other address appears."],
    "street_address": ["The tenant resides at {}.", "Deliver all notices to {}.", "Mailing address: {}."],
    "private_key": ["The following key was attached:\n{}\n"],
    "aws_access_key": ["aws_access_key_id = {}", "The access key {} was shared.", "AWS key: {}"],
    "aws_secret_key": ["aws_secret_access_key = {}", "AWS_SECRET_ACCESS_KEY={}", "AWS secret key: {}"],
    "google_api_key": ["Google Maps key {} was used.", "GOOGLE_API_KEY={}"],
    "github_token": ["GitHub token: {}", "git clone https://{}@github.com/acme/repo"],
    "slack_token": ["The bot token {} appears in the log.", "SLACK_TOKEN={}"],
    "openai_key": ["OPENAI_API_KEY={}", "The key {} was revoked."],
    "stripe_key": ["Stripe secret: {}", "STRIPE_KEY={}"],
    "jwt": ["Authorization: Bearer {}", "session token {}"],
    "password": ["password: {}", "The administrator password is {}", "db_password = \"{}\""],
    "secret_token": ["client_secret = {}", "api_key: {}", "auth token: {}"],
}

DECOYS = [
    ("ssn", lambda r: f"The debtor's Social Security number is {ssn(r, valid=False)}."),
    ("payment_card", lambda r: f"The fee was charged to card number {card(r, valid=False)}."),
    ("iban", lambda r: f"Payment shall be made to IBAN {iban(r, valid=False)}."),
    ("routing_number", lambda r: f"ABA routing number {routing(r, valid=False)}"),
    ("ip_address", lambda r: f"Section {r.randint(1, 20)}.{r.randint(1, 9)}.{r.randint(1, 9)}.{r.randint(1, 9)} applies."),
    ("ip_address", lambda r: f"Version {r.randint(1, 12)}.{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 40)} of the Software is licensed."),
    ("ip_address", lambda r: f"\n{r.randint(1, 20)}.{r.randint(1, 9)}.{r.randint(1, 9)}.{r.randint(1, 9)} The Licensee shall keep records."),
    ("ip_address", lambda r: f"as set out in Exhibit {r.randint(1, 9)}.{r.randint(1, 9)}.{r.randint(1, 9)}.{r.randint(1, 9)}, the fees"),
    ("ip_address", lambda r: f"The hearing began at {r.randint(9, 11)}:{r.randint(10, 59)}:{r.randint(10, 59)} a.m. and Rule {r.randint(1, 9)}:{r.randint(1, 30)} applied."),
    ("phone", lambda r: f"See 15 U.S.C. {r.randint(70, 80)}j-{r.randint(1, 9)} and 17 C.F.R. {r.randint(200, 250)}.{r.randint(100, 999)}-{r.randint(1, 9)}."),
    ("phone", lambda r: f"Case No. {r.randint(1, 9)}:{r.randint(10, 24)}-cv-{r.randint(1000, 99999):05d}, Doc. {r.randint(1, 300)}, filed {r.randint(1, 12)}/{r.randint(1, 28)}/{r.randint(2000, 2024)}."),
    ("ssn", lambda r: f"Bates No. ACME{r.randint(0, 999999):06d} through ACME{r.randint(0, 999999):06d}."),
    ("payment_card", lambda r: f"a purchase price of ${r.randint(1, 999)},{r.randint(0, 999):03d},{r.randint(0, 999):03d}.{r.randint(0, 99):02d}"),
    ("secret_token", lambda r: f"CUSIP No. {r.randint(10000, 99999)}{rand(r, string.ascii_uppercase, 2)}{r.randint(10, 99)} and the key terms of the Agreement."),
    ("date_of_birth", lambda r: f"This Agreement is dated {birth_date(r)} and was born of negotiation."),
    ("password", lambda r: "The password: shall be chosen by the User and kept confidential."),
    ("jwt", lambda r: "eyJub3QiOiJhIHRva2VuIn0." + rand(r, ALNUM, 20) + "." + rand(r, ALNUM, 20)),
    ("github_token", lambda r: "ghp_" + rand(r, string.ascii_lowercase, 10)),
]

# ---------- passages ---------------------------------------------------------------------------

def court_texts(tunedata, cache):
    os.makedirs(cache, exist_ok=True)
    texts = {}
    for folder in ["freelaw-doctor", "freelaw-bankruptcy", "eurlex-misc/gdpr-regulation.pdf"]:
        path = os.path.join(CORPUS, folder)
        files = [path] if path.endswith(".pdf") else sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".pdf"))
        for pdf in files:
            target = os.path.join(cache, os.path.basename(pdf) + ".txt")
            if not os.path.exists(target):
                run = subprocess.run([tunedata, "extract", pdf], capture_output=True, text=True)
                with open(target, "w") as f:
                    f.write(run.stdout if run.returncode == 0 else "")
            with open(target) as f:
                texts[("gdpr/" if "gdpr" in pdf else "court/") + os.path.basename(pdf)] = f.read()
    return texts

def passages_of(text, minimum=250, maximum=1400):
    """Paragraphs merged up to a passage length; very short or figure-only ones left out."""
    out, current = [], ""
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = re.sub(r"[ \t]+", " ", paragraph.strip())
        if not paragraph:
            continue
        current = (current + "\n\n" + paragraph).strip() if current else paragraph
        if len(current) >= minimum:
            out.append(current[:maximum])
            current = ""
    return [p for p in out if sum(c.isalpha() for c in p) > len(p) / 2]

def insert(rng, passage, sentence):
    cuts = [m.end() for m in re.finditer(r"[.;:] ", passage)] or [len(passage)]
    at = rng.choice(cuts)
    before = passage[:at] if at == 0 or passage[at - 1].isspace() else passage[:at] + " "
    return before + sentence + " " + passage[at:]

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/tunedata-privacy-bench")
    parser.add_argument("--tunedata", default=os.path.join(ROOT, ".build", "release", "tunedata"))
    parser.add_argument("--per-source", type=int, default=10, help="passages sampled from each document")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--types-per-passage", type=int, default=20, help="inserted lines per passage, one type each")
    parser.add_argument("--decoys-per-passage", type=int, default=3)
    parser.add_argument("--resample", action="store_true",
                        help="sample new passages instead of passages.tsv's (real_values.tsv then no longer applies)")
    args = parser.parse_args()
    if not os.path.isdir(CORPUS):
        print(f"skipped: {CORPUS} is absent"); return
    rng = random.Random(args.seed)
    cuad_dir = os.path.join(CORPUS, "cuad", "txt")
    cuad = sorted(os.listdir(cuad_dir))
    sources = {}
    for index, name in enumerate(cuad):
        with open(os.path.join(cuad_dir, name), errors="replace") as f:
            sources[("cuad/" + name, index % 5 == 4)] = f.read()
    for name, text in court_texts(args.tunedata, os.path.join(args.out, "extracted")).items():
        sources[(name, False)] = text
    # The passages real_values.tsv was checked on (passages.tsv), unless --resample asks for new ones.
    fixed = {}
    if not args.resample:
        with open(os.path.join(HERE, "passages.tsv")) as f:
            for row in f:
                if row.strip() and not row.startswith("#"):
                    name, index = row.rstrip("\n").split("\t")
                    fixed.setdefault(name, []).append(int(index))
    types = list(SENTENCES)
    lines, labels = [], []
    counter = 0
    makers = {"email": email, "phone": phone, "ssn": ssn, "payment_card": card, "iban": iban, "routing_number": routing,
              "date_of_birth": birth_date, "ip_address": ip, "street_address": address}
    for (name, held_out), text in sorted(sources.items()):
        passages = passages_of(text)
        chosen = fixed.get(name) if fixed else sorted(rng.sample(range(len(passages)), min(args.per_source, len(passages))))
        for index in chosen or []:
            passage = passages[index]
            base = f"{name}#{index}"
            variants = [("untouched", passage, [], None)]
            # Each passage carries every type once (or --types-per-passage of them, in turn), each in its own line.
            for offset in range(min(args.types_per_passage, len(types))):
                kind_of_type = types[(counter + offset) % len(types)]
                value = (SECRETS[kind_of_type] if kind_of_type in SECRETS else makers[kind_of_type])(rng)
                sentence = rng.choice(SENTENCES[kind_of_type]).format(value)
                variants.append((f"inserted-{kind_of_type}", insert(rng, passage, sentence), [kind_of_type], None))
            for offset in range(args.decoys_per_passage):
                decoy_type, decoy = DECOYS[(counter + offset) % len(DECOYS)]
                variants.append((f"decoy-{offset}", insert(rng, passage, decoy(rng)), [], decoy_type))
            counter += 1
            for kind, body, found, decoy_type in variants:
                lines.append({"text": body})
                labels.append({"id": f"{base}/{kind}", "kind": kind.split("-")[0], "source": name, "held_out": held_out,
                               "types": found, "decoy": decoy_type})
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "set.jsonl"), "w") as f:
        f.writelines(json.dumps(line) + "\n" for line in lines)
    with open(os.path.join(args.out, "labels.jsonl"), "w") as f:
        f.writelines(json.dumps(label) + "\n" for label in labels)
    count = collections.Counter(label["kind"] for label in labels)
    print(f"{len(lines)} lines: {count['untouched']} untouched passages, {count['inserted']} with a value inserted, "
          f"{count['decoy']} with a near-miss -> {args.out}/set.jsonl")

if __name__ == "__main__":
    main()
