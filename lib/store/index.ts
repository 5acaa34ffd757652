export { createArticleRecord, createArticleId, toSpeakerKeys, toTopicKeys } from './create-article-record';
export type { CreateArticleRecordOptions } from './create-article-record';
