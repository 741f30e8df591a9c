#!/usr/bin/env python3
"""Checks the colours of a PNG (a browser's screenshot) at given pixels.

  png_colours.py FILE WIDTH HEIGHT X,Y=RRGGBB...
  png_colours.py --self-test SCRATCH_FILE

Decodes FILE with the standard library only (8-bit truecolour, with or
without alpha, not interlaced: what Chromium writes), checks that it is
WIDTH x HEIGHT, and that each pixel X,Y is RRGGBB within a small tolerance
(a renderer may round a colour by a step or two). Prints every pixel it
looked at. Exits 0 when all match, 1 when one does not, 2 when the file is
missing or not a PNG it can read.

--self-test encodes a random image with each of the five row filters (and
damaged copies of it) and checks that the decoder reads back every pixel
and rejects the damage: Chromium's screenshots use only some filters.
"""
import random
import struct
import sys
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
TOLERANCE = 6  # per channel, out of 255
CHANNELS = {2: 3, 6: 4}  # colour type -> samples per pixel (RGB, RGBA)


class BadPng(Exception):
    pass


def read_chunks(data):
    """Yields (type, body) for each chunk, checking each CRC."""
    if not data.startswith(SIGNATURE):
        raise BadPng("no PNG signature")
    pos = len(SIGNATURE)
    while pos < len(data):
        if pos + 12 > len(data):
            raise BadPng("truncated chunk header")
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            raise BadPng("truncated %r chunk" % kind)
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise BadPng("bad CRC in %r chunk" % kind)
        yield kind, body
        pos += 12 + length
        if kind == b"IEND":
            return
    raise BadPng("no IEND chunk")


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(raw, height, stride, bpp):
    """Undoes the per-row filters (RFC 2083 6); returns the rows' bytes."""
    rows = []
    prev = bytearray(stride)
    pos = 0
    for y in range(height):
        if pos + 1 + stride > len(raw):
            raise BadPng("image data ends at row %d" % y)
        kind = raw[pos]
        row = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if kind == 1:  # Sub
            for i in range(bpp, stride):
                row[i] = (row[i] + row[i - bpp]) & 0xFF
        elif kind == 2:  # Up
            for i in range(stride):
                row[i] = (row[i] + prev[i]) & 0xFF
        elif kind == 3:  # Average
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                up_left = prev[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + paeth(left, prev[i], up_left)) & 0xFF
        elif kind != 0:
            raise BadPng("unknown filter type %d in row %d" % (kind, y))
        rows.append(row)
        prev = row
    return rows


def decode(path):
    """Returns (width, height, pixel(x, y) -> (r, g, b))."""
    with open(path, "rb") as f:
        data = f.read()
    header = None
    idat = []
    for kind, body in read_chunks(data):
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
    if header is None:
        raise BadPng("no IHDR chunk")
    width, height, depth, colour, _compression, _filter, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace != 0:
        raise BadPng("unsupported layout: depth %d, colour type %d, interlace %d"
                     % (depth, colour, interlace))
    try:
        raw = zlib.decompress(b"".join(idat))
    except zlib.error as e:
        raise BadPng("image data does not inflate: %s" % e)
    bpp = CHANNELS[colour]
    rows = unfilter(raw, height, width * bpp, bpp)

    def pixel(x, y):
        row = rows[y]
        return tuple(row[x * bpp:x * bpp + 3])

    return width, height, pixel


def parse_expectation(text):
    place, colour = text.split("=")
    x, y = (int(v) for v in place.split(","))
    if len(colour) != 6:
        raise ValueError(colour)
    return x, y, tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))


def nearest(a, b, c):
    """Paeth's predictor as RFC 2083 6.6 words it, apart from paeth() above
    so that the self-test does not check the decoder against itself."""
    estimate = a + b - c
    return min((abs(estimate - a), 0, a), (abs(estimate - b), 1, b), (abs(estimate - c), 2, c))[2]


def encode(width, height, pixels, filters):
    """A minimal RGBA PNG; row y uses filter filters[y % len(filters)]."""
    raw = bytearray()
    prev = bytearray(width * 4)
    for y in range(height):
        row = bytearray(b"".join(bytes(pixels[y][x]) for x in range(width)))
        kind = filters[y % len(filters)]
        raw.append(kind)
        for i in range(len(row)):
            left = row[i - 4] if i >= 4 else 0
            up_left = prev[i - 4] if i >= 4 else 0
            guess = [0, left, prev[i], (left + prev[i]) >> 1,
                     nearest(left, prev[i], up_left)][kind]
            raw.append((row[i] - guess) & 0xFF)
        prev = row

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(bytes(raw))) + chunk(b"IEND", b""))


def self_test(scratch):
    rng = random.Random(5)
    width, height = 9, 10
    pixels = [[tuple(rng.randrange(256) for _ in range(4)) for _ in range(width)]
              for _ in range(height)]
    failures = 0
    for filters in ([0], [1], [2], [3], [4], [0, 1, 2, 3, 4]):
        with open(scratch, "wb") as f:
            f.write(encode(width, height, pixels, filters))
        w, h, pixel = decode(scratch)
        wrong = [(x, y) for y in range(height) for x in range(width)
                 if pixel(x, y) != pixels[y][x][:3]]
        if (w, h) != (width, height) or wrong:
            print("filters %s: %dx%d, %d pixels wrong" % (filters, w, h, len(wrong)))
            failures += 1
    good = encode(width, height, pixels, [4])
    flipped = bytearray(good)
    flipped[-13] ^= 1  # the IDAT chunk's CRC (the IEND chunk is the last 12 bytes)
    for name, damaged in (("truncated", good[:-30]), ("bit flip", bytes(flipped)),
                          ("not a PNG", b"GIF89a" + good[6:])):
        with open(scratch, "wb") as f:
            f.write(damaged)
        try:
            decode(scratch)
            print("%s: decoded without complaint" % name)
            failures += 1
        except BadPng:
            pass
    print("%d passed, %d failed" % (9 - failures, failures))
    return 1 if failures else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) < 5:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path, want_w, want_h = argv[1], int(argv[2]), int(argv[3])
    try:
        expected = [parse_expectation(a) for a in argv[4:]]
    except ValueError:
        print("bad expectation in %s (want X,Y=RRGGBB)" % argv[4:], file=sys.stderr)
        return 2
    try:
        width, height, pixel = decode(path)
    except (OSError, BadPng) as e:
        print("%s: %s" % (path, e), file=sys.stderr)
        return 2
    if (width, height) != (want_w, want_h):
        print("%s is %dx%d, expected %dx%d" % (path, width, height, want_w, want_h))
        return 1
    mismatches = 0
    for x, y, want in expected:
        if not (0 <= x < width and 0 <= y < height):
            print("pixel %d,%d is outside the %dx%d image" % (x, y, width, height), file=sys.stderr)
            return 2
        got = pixel(x, y)
        ok = all(abs(g - w) <= TOLERANCE for g, w in zip(got, want))
        mismatches += 0 if ok else 1
        print("%s %d,%d: %02x%02x%02x (expected %02x%02x%02x)"
              % ("ok  " if ok else "BAD ", x, y, *got, *want))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
