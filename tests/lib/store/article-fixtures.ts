import type { Analysis, CapturedArticle, Speaker } from '../../../lib/model';

/** A captured article with sensible defaults; override what a test cares about. */
export function makeCaptured(overrides: Partial<CapturedArticle> = {}): CapturedArticle {
  const text = overrides.text ?? 'Paragraph one.\n\n"We will cooperate," Yan Liang said.';
  return {
    title: 'Trilateral summit on AI chips',
    authors: ['Reporter One'],
    published: '2024-06-12T10:17:40',
    modified: null,
    siteName: 'Science and Technology Daily',
    source: '',
    lang: 'en',
    excerpt: 'Leaders met.',
    imageUrl: '',
    url: 'https://news.example/story-1',
    pageUrl: 'https://news.example/story-1?utm_source=x',
    html: '<p>Paragraph one.</p><p>"We will cooperate," Yan Liang said.</p>',
    text,
    wordCount: 8,
    readingMinutes: 1,
    contentHash: 'abc',
    probablyArticle: true,
    fromSelection: false,
    ...overrides,
  };
}

export function makeSpeaker(name: string, statement = 'We will cooperate', role = ''): Speaker {
  return {
    name,
    aliases: [],
    role,
    kind: 'person',
    statements: [{ text: statement, kind: 'direct', cue: 'said', start: 17, end: 17 + statement.length }],
  };
}

export function makeAnalysis(speakers: string[] = ['Yan Liang'], topics: string[] = ['AI semiconductors']): Analysis {
  return {
    speakers: speakers.map((n) => makeSpeaker(n)),
    topics: topics.map((label, i) => ({ label, score: 1 - i * 0.1 })),
    summary: 'Leaders met.',
    lang: 'en',
  };
}
