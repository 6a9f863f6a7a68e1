#!/usr/bin/python3
"""Independent coherence reference for the real-SLC test (docs/METHOD.md §1.2), in float64.

    gamma(x) = |sum s1 * conj(s2)| / sqrt(sum |s1|^2 * sum |s2|^2)   over a boxcar window,
    0 where the denominator is 0.

Window X (range, columns) by Y (azimuth, rows); the window of pixel x covers x - X//2 ... x + (X - 1 - X//2)
(the even-size convention documented in docs/METHOD.md and CoherenceWindow), truncated to the samples
inside the raster ("truncate" edges). Sums by 2-D cumulative sums over complex128, so every pixel,
edges included, is computed from the formula and nothing of the C# estimator.

Usage: slc_coherence.py REF.tif SEC.tif OUT.f64 [--window 7x2]
Writes the coherence as raw little-endian float64, row-major; prints "<width> <height>".
"""
import sys
import numpy as np
from osgeo import gdal


def box_sum(a, wx, wy):
    h, w = a.shape
    c = np.zeros((h + 1, w + 1), dtype=a.dtype)
    c[1:, 1:] = a.cumsum(0).cumsum(1)
    ys, xs = np.arange(h), np.arange(w)
    y0 = np.clip(ys - wy // 2, 0, h); y1 = np.clip(ys + (wy - 1 - wy // 2) + 1, 0, h)
    x0 = np.clip(xs - wx // 2, 0, w); x1 = np.clip(xs + (wx - 1 - wx // 2) + 1, 0, w)
    return c[y1][:, x1] - c[y0][:, x1] - c[y1][:, x0] + c[y0][:, x0]


def main(argv):
    ref, sec, out = argv[1], argv[2], argv[3]
    wx, wy = 7, 2
    if "--window" in argv:
        wx, wy = (int(v) for v in argv[argv.index("--window") + 1].lower().split("x"))
    # Hold each dataset while its band is read: GDAL's Python bindings crash on a band of a freed dataset.
    d1, d2 = gdal.Open(ref), gdal.Open(sec)
    s1 = d1.GetRasterBand(1).ReadAsArray().astype(np.complex128)
    s2 = d2.GetRasterBand(1).ReadAsArray().astype(np.complex128)
    num = np.abs(box_sum(s1 * np.conj(s2), wx, wy))
    den = np.sqrt(box_sum(np.abs(s1) ** 2, wx, wy) * box_sum(np.abs(s2) ** 2, wx, wy))
    with np.errstate(invalid="ignore", divide="ignore"):
        g = np.where(den > 0, num / den, 0.0)
    g.astype("<f8").tofile(out)
    print(g.shape[1], g.shape[0])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
