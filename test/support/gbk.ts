// Text in GBK, as Excel and Notepad on Chinese Windows save it: encoded through the inverse of
// the platform's GBK decoder, so the bytes are what a GBK reader expects.
let table: Map<string, Buffer> | undefined;

function gbkTable(): Map<string, Buffer> {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const found = new Map<string, Buffer>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Buffer.from([lead, trail]);
      try {
        const char = decoder.decode(bytes);
        if (char.length === 1 && !found.has(char)) found.set(char, bytes);
      } catch {
        // not a GBK character
      }
    }
  }
  return found;
}

/** `text` encoded in GBK; throws for a character GBK has no code for. */
export function gbk(text: string): Buffer {
  table ??= gbkTable();
  const parts: Buffer[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) parts.push(Buffer.from(char));
    else {
      const bytes = table.get(char);
      if (!bytes) throw new Error(`no GBK code for ${char}`);
      parts.push(bytes);
    }
  }
  return Buffer.concat(parts);
}
