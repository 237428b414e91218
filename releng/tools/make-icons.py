#!/usr/bin/env python3
"""Draws the workbench's small PNG icons (no image library needed). Run once when icons change."""
import struct, zlib, sys, os, math

def png(path, w, h, pixel):
    rows = b''.join(b'\x00' + b''.join(bytes(pixel(x, y)) for x in range(w)) for y in range(h))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0))
    data += chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)

def leds(size, colours):
    """A grid of round LEDs in the given colours (the app and pattern icons)."""
    n = int(math.sqrt(len(colours)))
    cell = size / n
    def pixel(x, y):
        cx, cy = int(x // cell), int(y // cell)
        dx, dy = (x % cell) - cell / 2 + 0.5, (y % cell) - cell / 2 + 0.5
        if dx * dx + dy * dy <= (cell * 0.42) ** 2:
            r, g, b = colours[cy * n + cx]
            return (r, g, b, 255)
        return (30, 30, 36, 255 if size >= 32 else 0)
    return pixel

RAINBOW = [(255, 40, 40), (255, 160, 0), (250, 230, 0), (40, 210, 80), (0, 170, 255), (90, 80, 255),
           (200, 60, 255), (255, 60, 160), (255, 255, 255)]

def main(out):
    for s in (16, 32, 64):
        png(os.path.join(out, 'uploadbridge-%d.png' % s), s, s, leds(s, RAINBOW))
    png(os.path.join(out, 'pattern.png'), 16, 16, leds(16, [(255, 60, 60), (60, 200, 90), (60, 140, 255), (250, 220, 0)]))
    png(os.path.join(out, 'patterns.png'), 16, 16, lambda x, y: (210, 160, 60, 255) if 3 <= y <= 13 and 1 <= x <= 14 and not (y == 3 and x > 6) else (0, 0, 0, 0))
    png(os.path.join(out, 'folder-add.png'), 16, 16, lambda x, y: (40, 170, 60, 255) if (x in (11, 12) and 7 <= y <= 15) or (y in (10, 11) and 8 <= x <= 15) else ((210, 160, 60, 255) if 2 <= y <= 12 and 0 <= x <= 12 else (0, 0, 0, 0)))
    png(os.path.join(out, 'devices.png'), 16, 16, lambda x, y: (60, 60, 70, 255) if 2 <= x <= 13 and 4 <= y <= 11 and not (4 <= x <= 11 and 6 <= y <= 9) else ((60, 200, 90, 255) if 4 <= x <= 11 and 6 <= y <= 9 else (0, 0, 0, 0)))
    png(os.path.join(out, 'logs.png'), 16, 16, lambda x, y: (90, 90, 100, 255) if 2 <= x <= 13 and y in (3, 6, 9, 12) else (0, 0, 0, 0))
    png(os.path.join(out, 'refresh.png'), 16, 16, lambda x, y: (40, 120, 220, 255) if 4.5 <= math.hypot(x - 7.5, y - 7.5) <= 6.5 and not (x > 8 and y < 6) else (0, 0, 0, 0))

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '.')
