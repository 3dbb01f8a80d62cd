/**
 * The curriculum as the site shows it: published lessons in order, with their URL slug.
 * A lesson file is `content/lessons/NN-slug.mdx`; the number fixes nothing (order does), the
 * slug after it is the URL.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

/** A lesson entry with the slug used in its URL. */
export interface LessonRef {
  entry: CollectionEntry<'lessons'>;
  slug: string;
}

/** `01-why-roles` → `why-roles`. */
export function lessonSlug(id: string): string {
  const base = id.split('/').pop() ?? id;
  return base.replace(/\.mdx?$/, '').replace(/^\d+-/, '');
}

/** Every published lesson, sorted by `order`. */
export async function getLessons(): Promise<LessonRef[]> {
  const entries = await getCollection('lessons', (entry) => !entry.data.draft);
  return entries
    .sort((a, b) => a.data.order - b.data.order)
    .map((entry) => ({ entry, slug: lessonSlug(entry.id) }));
}
