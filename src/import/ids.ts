const MAX_SLUG = 100;

/** "Secretary of State for Défense" → "secretary-of-state-for-defense"; "Joe's" → "joes". */
export function slug(text: string): string {
  return text
    .replace(/['’]/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
}

/**
 * An office id from a name, with the table's country prefix ("gb-prime-minister"); '' when the
 * name has no letters or digits to use.
 */
export function officeIdFor(name: string, country: string | undefined): string {
  const base = slug(name);
  if (!base || !country) return base;
  const prefix = `${country.toLowerCase()}-`;
  return base.startsWith(prefix) ? base : `${prefix}${base}`;
}

/**
 * Office ids that stay distinct when two different offices slug alike: the first source
 * key keeps the id, later ones get "-2", "-3"…
 */
export class OfficeIds {
  private readonly bySource = new Map<string, string>();
  private readonly taken = new Set<string>();

  idFor(sourceKey: string, base: string): string {
    const known = this.bySource.get(sourceKey);
    if (known !== undefined) return known;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.bySource.set(sourceKey, id);
    this.taken.add(id);
    return id;
  }
}
