// The `customer/<name>` label: a clean, stable slug that fits GitHub's 50-character label limit.
//
// Stable: the same customer always gets the same label (case, accents, punctuation and spacing do not matter), so
// issues of one customer group together. Collision-aware: when the slug has to be shortened, or when the name has
// no Latin letters or digits at all, a short hash of the full name is appended, so two different long names that
// share a beginning (or two names in another script) do not end up under one label.

/** GitHub's limit on label names. */
export const GITHUB_LABEL_MAX = 50;

// Letters that Unicode decomposition does not reduce to ASCII.
const FOLDS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ł: 'l',
  Ł: 'l',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
  ŧ: 't',
  Ŧ: 't',
  '&': ' and ',
  '@': ' at ',
};

/** ASCII-fold, lower-case and hyphenate: "Zürich Ænergy & Co." → "zurich-aenergy-and-co". May be empty. */
export function slugify(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\u0000-\u007f]/g, (ch) => FOLDS[ch] ?? ' ')
    .replace(/[&@]/g, (ch) => FOLDS[ch] ?? ' ');
  return folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** FNV-1a (32-bit) of the UTF-16 code units, as 8 hex digits: a stable short fingerprint, not a security hash. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The identity of a name for the label: case, accents, spacing and Unicode forms do not matter. */
function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The customer label, e.g. `customer/acme-corp`, at most `max` (50) characters in all.
 * A slug that must be shortened keeps its start (cut at a hyphen when one is near) and gets `-<8 hex>` from the
 * full name; a name without any ASCII letter or digit becomes `<prefix>n-<8 hex>`; an empty name `<prefix>unknown`.
 */
export function customerLabel(name: string, prefix = 'customer/', max = GITHUB_LABEL_MAX): string {
  const room = max - prefix.length;
  if (room < 10) throw new RangeError(`the customer label prefix "${prefix}" leaves no room for a name`);
  const key = nameKey(name);
  if (key === '') return prefix + 'unknown'.slice(0, room);
  const slug = slugify(key);
  if (slug === '') return `${prefix}n-${fingerprint(key)}`;
  if (slug.length <= room) return prefix + slug;
  const keep = room - 9; // "-" + 8 hex digits
  let head = slug.slice(0, keep);
  const hyphen = head.lastIndexOf('-');
  if (hyphen >= keep * 0.6) head = head.slice(0, hyphen);
  head = head.replace(/-+$/, '');
  return `${prefix}${head}-${fingerprint(key)}`;
}
