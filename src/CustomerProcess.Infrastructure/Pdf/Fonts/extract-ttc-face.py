#!/usr/bin/env python3
"""Extract one face of a TrueType collection (.ttc) into a standalone .ttf (stdlib only).

    python3 extract-ttc-face.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc wqy-microhei.ttf 0

Face 0 of Debian's fonts-wqy-microhei is "WenQuanYi Micro Hei" (face 1 is the Mono variant). The
table directory is rebuilt from the face's offset table, tables are copied 4-byte aligned and the
head checksums are recomputed. The committed wqy-microhei.ttf has the same tables, byte for byte;
it differs from this script's output only in the head checksum fields, which it kept from the
collection (FreeType, Skia and HarfBuzz do not check them; the PDF embeds a HarfBuzz subset).
"""
import struct, sys

def checksum(data):
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(">%dL" % (len(data) // 4), data)) & 0xFFFFFFFF

def extract(ttc, index):
    tag, _, count = struct.unpack(">4sLL", ttc[:12])
    if tag != b"ttcf" or index >= count:
        raise SystemExit("not a collection or no such face")
    base = struct.unpack(">L", ttc[12 + 4 * index:16 + 4 * index])[0]
    version, n = struct.unpack(">LH", ttc[base:base + 6])
    records = [struct.unpack(">4sLLL", ttc[base + 12 + 16 * i:base + 28 + 16 * i]) for i in range(n)]
    records.sort(key=lambda r: r[0])
    entry = max(k for k in range(16) if (1 << k) <= n)
    search = (1 << entry) * 16
    header = struct.pack(">LHHHH", version, n, search, entry, n * 16 - search)
    offset = 12 + 16 * n
    directory, body = b"", b""
    head_at = None
    for tag, _, off, length in records:
        table = ttc[off:off + length]
        if tag == b"head":
            table = table[:8] + b"\0\0\0\0" + table[12:]   # checkSumAdjustment recomputed below
            head_at = offset + len(body)
        directory += struct.pack(">4sLLL", tag, checksum(table), offset + len(body), length)
        body += table + b"\0" * (-length % 4)
    font = bytearray(header + directory + body)
    if head_at is not None:
        struct.pack_into(">L", font, head_at + 8, (0xB1B0AFBA - checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)

if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    index = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    open(dst, "wb").write(extract(open(src, "rb").read(), index))
