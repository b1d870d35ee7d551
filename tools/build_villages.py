#!/usr/bin/env python3
"""Builds data/villages.tsv from ../shared/data/gazetteer/villages.tsv (Who's On First,
mostly GeoNames), data/places.tsv and the word frequencies of a news corpus.

Run from the crate root (about a minute; standard library only):

    python3 tools/build_villages.py ../shared > data/villages.tsv

What it does, row by row:

* De-duplication against data/places.tsv: a village whose GeoNames id is a
  `geonames:<id>` row of places.tsv is left out, and so is one whose loosely
  normalised name equals a places.tsv name within 3 km (hand-added rows have
  no GeoNames id).
* Admin chain: the governorate comes from the table (`admin1_pcode`); the
  district and sub-district are those of the nearest OCHA sub-district
  centroid within that governorate (data/places.tsv). The row is flagged
  `approx` (the chain is a nearest-centroid guess, not a polygon test).
* Every row is flagged `ctx`: without a cue word its name counts only in a
  place context (a preposition, a list of places, the area named after it).
* Ordinary words: every name is counted, as a whole-word sequence with the
  proclitics و ف ب ل ك ال removed, in the corpus documents that never
  mention Syria (no "سوري"), also with its final ه written ا (كندة/كندا).
  A name found in NONSYRIA_DOCS or more such
  documents, or of three letters or fewer,
  or listed in tools/cue_only.txt, is an ordinary word or a common
  personal name and gets the flag `cue`: the matcher then wants a cue word
  (قرية، بلدة، ...) or a preposition plus a place context. Only the flag
  goes into the data, never the corpus text.
"""
import gzip, json, math, os, re, sys
from collections import defaultdict

SHARED = sys.argv[1] if len(sys.argv) > 1 else "../shared"
VILLAGES = os.path.join(SHARED, "data/gazetteer/villages.tsv")
CORPUS = os.path.join(SHARED, "corpus/saudinewsnet.jsonl.gz")
PLACES = "data/places.tsv"
NONSYRIA_DOCS = 5
CUE_ONLY = "tools/cue_only.txt"

# A name that starts with a cue word ("قرية بنيامين", "حي القنوات") is stored without it:
# the matcher reads the cue itself. "محافظة ..." rows name no village and are dropped.
CUES = ("قرية", "بلدة", "مدينة", "حي", "ناحية", "منطقة", "مخيم")
# Function words (also with the article: العلي folds to علي = على) and bare compound heads
# ("تحت", "جبل") are never village names on their own.
FUNCTION_WORDS = set("""تحت فوق بين عند حول قرب بعد قبل مع حسب بحسب خلال عبر ضد منذ حتى نحو لدى دون
غير كل بعض اي هذا هذه ذلك التي الذي ثم او لكن اذا كان قد لقد عن على في من الى""".split())
HEADS = set("""جبل تل عين دير كفر بيت خربة جسر خان راس بير بئر مزرعة وادي سوق باب قلعة مرج حوش برج
حمام قصر نبع جب ام ابو مركز شمال جنوب شرق غرب""".split())

MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")


def norm(s):
    s = MARKS.sub("", s)
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"),
                 ("ؤ", "و"), ("ئ", "ي"), ("ک", "ك"), ("ی", "ي")):
        s = s.replace(a, b)
    return " ".join(s.split())


NOT_NAME_FORMS = HEAD_FORMS = None


def bare(s):
    """Loose key: normalised, article and spaces dropped, final ا/ه folded."""
    s = norm(s)
    s = " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in s.split())
    s = s.replace(" ", "")
    return s[:-1] + "ه" if s.endswith("ا") else s


def stems(w):
    """The word and its readings without a proclitic chain."""
    out = {w}
    for c in ("و", "ف"):
        if w.startswith(c) and len(w) > 3:
            out.add(w[1:])
    for x in list(out):
        if x.startswith("لل") and len(x) > 4:
            out.add(x[2:])
            out.add("ال" + x[2:])
        if x[:1] in ("ب", "ل", "ك") and len(x) > 3:
            out.add(x[1:])
    for x in list(out):
        if x.startswith("ال") and len(x) > 4:
            out.add(x[2:])
    return out


def forms(n):
    """Word sequences under which the matcher may find a name: as written, with its
    last letter ه written ا (and back), with or without the article."""
    ws = norm(n).split()
    out = set()
    if not ws:
        return out
    lasts = {ws[-1]}
    if ws[-1].endswith("ه"):
        lasts.add(ws[-1][:-1] + "ا")
    elif ws[-1].endswith("ا"):
        lasts.add(ws[-1][:-1] + "ه")
    for last in lasts:
        out.add(tuple(ws[:-1] + [last]))
    return out


def dist_km(a, b):
    dlat = math.radians(a[0] - b[0])
    dlon = math.radians(a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371 * math.hypot(dlat, dlon)


def read_tsv(path):
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows


def main():
    global NOT_NAME_FORMS, HEAD_FORMS
    NOT_NAME_FORMS = {norm(x) for x in FUNCTION_WORDS}
    HEAD_FORMS = {norm(x) for x in HEADS}
    places = read_tsv(PLACES)
    known_gn = {p["id"][len("geonames:"):] for p in places if p["id"].startswith("geonames:")}
    known_names = defaultdict(list)
    subs = defaultdict(list)
    for p in places:
        coords = (float(p["lat"]), float(p["lon"])) if p["lat"] else None
        for n in [p["name_ar"]] + [a for a in p["aliases"].split("|") if a]:
            known_names[bare(n)].append(coords)
        if p["level"] == "subdistrict" and coords:
            gov, dist = p["parents"].split(",")[:2]
            subs[gov].append((coords, dist, p["id"]))
    cue_only = set()
    if os.path.exists(CUE_ONLY):
        with open(CUE_ONLY, encoding="utf-8") as f:
            cue_only = {bare(l.strip()) for l in f if l.strip() and not l.startswith("#")}

    rows = read_tsv(VILLAGES)
    dropped_names = 0
    cleaned = []
    for r in rows:
        names = []
        for n in [r["name_ar"]] + [a for a in r["alt_names_ar"].split("|") if a]:
            w = n.split()
            if w and norm(w[0]) == norm("محافظة"):
                continue
            if len(w) > 1 and norm(w[0]) in {norm(c) for c in CUES}:
                n = " ".join(w[1:])
            plain = norm(n)[2:] if norm(n).startswith("ال") else norm(n)
            if plain in NOT_NAME_FORMS or norm(n) in HEAD_FORMS or len(bare(n)) <= 2:
                continue
            if n not in names:
                names.append(n)
        if not names:
            dropped_names += 1
            continue
        r = dict(r, name_ar=names[0], alt_names_ar="|".join(names[1:]))
        cleaned.append(r)
    rows_read = len(rows)
    rows = cleaned
    kept = []
    skipped_gn = skipped_name = 0
    for r in rows:
        gn = re.search(r"gn:(\d+)", r["source"])
        if gn and gn.group(1) in known_gn:
            skipped_gn += 1
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        names = [r["name_ar"]] + [a for a in r["alt_names_ar"].split("|") if a]
        if any(c and dist_km(c, (lat, lon)) < 3.0
               for n in names for c in known_names.get(bare(n), [])):
            skipped_name += 1
            continue
        kept.append((r, gn.group(1) if gn else "", names, (lat, lon)))

    # Word sequences of every name, for counting.
    seqs = {}
    for _, _, names, _ in kept:
        for n in names:
            for ws in forms(n):
                seqs[ws] = 0
    first = defaultdict(set)
    for ws in seqs:
        w0 = ws[0][2:] if ws[0].startswith("ال") and len(ws[0]) > 4 else ws[0]
        first[w0].add(ws)
    df = defaultdict(int)
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text", "")
            if "سوري" in text:
                continue
            words = re.findall(r"[\u0621-\u064a]+", norm(text))
            seen = set()
            for i, w in enumerate(words):
                for st in stems(w):
                    key = st[2:] if st.startswith("ال") and len(st) > 4 else st
                    for ws in first.get(key, ()):
                        if len(ws) == 1 or tuple(words[i + 1:i + len(ws)]) == ws[1:]:
                            seen.add(ws)
            for ws in seen:
                df[ws] += 1

    def common(n):
        letters = len(bare(n))
        return (letters <= 3 or bare(n) in cue_only
                or max(df.get(ws, 0) for ws in forms(n)) >= NONSYRIA_DOCS)

    print("# rasd default villages. GENERATED by: python3 tools/build_villages.py ../shared > data/villages.tsv")
    print("# Data from Who's On First (https://whosonfirst.org, CC0 + source licences), derived from")
    print("# GeoNames (CC BY 4.0), Wikidata (CC0), Yahoo! GeoPlanet (CC BY 3.0 US): data/SOURCES.md.")
    print("# parents: governorate (from WOF), district and sub-district of the nearest OCHA sub-district")
    print("# centroid (flag approx). flag cue: a name that is also an ordinary word.")
    print("\t".join(["id", "name_ar", "name_en", "level", "parents", "lat", "lon", "aliases",
                     "flags", "source"]))
    n_cue = 0
    for r, gn, names, (lat, lon) in kept:
        gov = r["admin1_pcode"]
        parents = [gov]
        if subs.get(gov):
            c, d, s = min(subs[gov], key=lambda x: dist_km(x[0], (lat, lon)))
            parents += [d, s]
        flags = ["ctx", "approx"]
        if common(r["name_ar"]):
            flags.insert(0, "cue")
            n_cue += 1
        # An alias that is an ordinary word would make the whole place need a cue: drop it.
        aliases = [a for a in names[1:] if norm(a) != norm(r["name_ar"])
                   and (not common(a) or "cue" in flags)]
        level = {"village": "village", "town": "town", "neighbourhood": "neighbourhood"}[r["kind"]]
        source = "wof" + (f";gn:{gn}" if gn else "")
        print("\t".join([r["id"], r["name_ar"], r["name_en"], level, ",".join(parents),
                         f"{lat:.5f}", f"{lon:.5f}", "|".join(aliases), ",".join(flags), source]))
    print(f"villages: {rows_read} read, {dropped_names} with no usable name, {skipped_gn} dropped (GeoNames id in places.tsv), "
          f"{skipped_name} dropped (same name within 3 km), {len(kept)} kept, {n_cue} flagged cue",
          file=sys.stderr)


if __name__ == "__main__":
    main()
