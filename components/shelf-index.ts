import type { FeedItem, FeedStatement } from '../lib/feed';

/** One person or organisation across the whole feed (the Speakers view). */
export interface ShelfSpeaker {
  key: string;
  name: string;
  roles: string[];
  /** Per article, in feed order: what the speaker said there. */
  entries: { item: FeedItem; statements: FeedStatement[] }[];
  statementCount: number;
}

/** One topic across the whole feed (the Topics view). */
export interface ShelfTopic {
  key: string;
  label: string;
  score: number;
  /** The articles tagged with the topic, in feed order. */
  items: FeedItem[];
}

/** Lower-cased, whitespace-collapsed key used to group and filter names and topics. */
export function toKey(value: string): string {
  return value.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/** Every named speaker (unnamed sources left out), most-quoted first. */
export function collectSpeakers(items: readonly FeedItem[]): ShelfSpeaker[] {
  const byKey = new Map<string, ShelfSpeaker>();
  for (const item of items) {
    for (const s of item._clipshelf.speakers) {
      if (s.kind === 'unnamed') continue;
      const key = toKey(s.name);
      if (!key) continue;
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { key, name: s.name, roles: [], entries: [], statementCount: 0 }));
      if (s.role && !entry.roles.some((r) => toKey(r) === toKey(s.role))) entry.roles.push(s.role);
      const last = entry.entries[entry.entries.length - 1];
      if (last && last.item === item) last.statements.push(...s.statements);
      else entry.entries.push({ item, statements: [...s.statements] });
      entry.statementCount += s.statements.length;
    }
  }
  return [...byKey.values()].sort(
    (a, b) => b.entries.length - a.entries.length || b.statementCount - a.statementCount || a.name.localeCompare(b.name),
  );
}

/** Every topic, most articles first. */
export function collectTopics(items: readonly FeedItem[]): ShelfTopic[] {
  const byKey = new Map<string, ShelfTopic>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const t of item._clipshelf.topics) {
      const key = toKey(t.label);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let topic = byKey.get(key);
      if (!topic) byKey.set(key, (topic = { key, label: t.label, score: 0, items: [] }));
      topic.score += t.score;
      topic.items.push(item);
    }
  }
  return [...byKey.values()].sort((a, b) => b.items.length - a.items.length || b.score - a.score || a.label.localeCompare(b.label));
}

/** Who said what about a topic in one article: the statements that mention it (computed only for what is shown). */
export function findStatementsAbout(item: FeedItem, topicKey: string): { speaker: string; statement: FeedStatement }[] {
  const said: { speaker: string; statement: FeedStatement }[] = [];
  for (const s of item._clipshelf.speakers)
    for (const statement of s.statements) if (mentions(statement.text, topicKey)) said.push({ speaker: s.name, statement });
  return said;
}

/** Per article, built once: its search text and its topic and speaker keys. */
const itemIndexes = new WeakMap<FeedItem, { text: string; topics: Set<string>; speakers: Set<string> }>();

function indexOfItem(item: FeedItem) {
  let index = itemIndexes.get(item);
  if (!index) {
    const d = item._clipshelf;
    const parts = [item.title, d.site, d.source, item.summary, ...d.topics.map((t) => t.label)];
    for (const s of d.speakers) parts.push(s.name, s.role, ...s.statements.map((st) => st.text));
    for (const a of item.authors ?? []) parts.push(a.name);
    index = {
      text: toKey(parts.join(' \u0001 ')),
      topics: new Set(d.topics.map((t) => toKey(t.label))),
      speakers: new Set(d.speakers.map((s) => toKey(s.name))),
    };
    itemIndexes.set(item, index);
  }
  return index;
}

/** The lower-cased text a search matches against: title, site, summary, topics, speakers, roles and statements. */
export function toSearchText(item: FeedItem): string {
  return indexOfItem(item).text;
}

export interface ShelfFilter {
  topic?: string;
  speaker?: string;
  query?: string;
}

/** The articles matching every given filter: topic and speaker by exact (case-insensitive) match, query by all its words. */
export function filterItems(items: readonly FeedItem[], filter: ShelfFilter): FeedItem[] {
  const topic = toKey(filter.topic ?? '');
  const speaker = toKey(filter.speaker ?? '');
  const words = toKey(filter.query ?? '').split(' ').filter(Boolean);
  return items.filter(
    (item) =>
      (!topic || indexOfItem(item).topics.has(topic)) &&
      (!speaker || indexOfItem(item).speakers.has(speaker)) &&
      words.every((w) => indexOfItem(item).text.includes(w)),
  );
}

/** Whether a statement mentions the topic: the whole phrase, or every word of it longer than three letters. */
function mentions(text: string, topicKey: string): boolean {
  const lower = text.toLocaleLowerCase();
  if (lower.includes(topicKey)) return true;
  const words = topicKey.split(' ').filter((w) => w.length > 3);
  return words.length > 0 && words.every((w) => lower.includes(w.replace(/s$/, '')));
}
