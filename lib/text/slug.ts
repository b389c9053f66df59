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
