/**
 * Site-relative links that respect the base path a team builds with (ROLELAB_BASE).
 * Every internal link in the site goes through `href()` so the site works under any prefix.
 */

/** The configured base, always ending in one slash: `/` or `/learn/iam/`. */
export function basePath(): string {
  const raw = import.meta.env.BASE_URL || '/';
  return raw.endsWith('/') ? raw : `${raw}/`;
}

/**
 * Joins a site path (`lessons/why-roles/`, `/lessons/`) onto the base path.
 * A hash or query on the path is kept as it is.
 */
export function href(path = ''): string {
  return basePath() + path.replace(/^\/+/, '');
}

/** The URL of a lesson page. */
export function lessonHref(slug: string): string {
  return href(`lessons/${slug}/`);
}
