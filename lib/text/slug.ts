/** URL slug from a title: ASCII letters and digits joined by single hyphens ("Lavrov: No War" -> "lavrov-no-war"). */
export function slugify(title: string, maxLength = 80): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents split off by NFKD
    .toLowerCase()
    .replace(/['’‘]/g, "") // "Russia’s" -> "russias", not "russia-s"
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/, "");
}

/** What an article slug may look like (the same rule as the database's CHECK): anything else names no article. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;
