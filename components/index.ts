/**
 * ClipShelf's web components. Importing this module registers all of them (idempotently):
 * <clip-shelf>, <clip-article-card>, <clip-speaker-list>, <clip-topic-chips>.
 * The standalone widget (dist/widget/clip-shelf.js) is this module bundled with Lit.
 */
export { ClipShelf, type ClipShelfView, type ClipShelfTheme, type ClipShelfLoadDetail } from './clip-shelf';
export { ClipArticleCard, type ClipLayout } from './clip-article-card';
export { ClipSpeakerList, renderStatement, type StatementHrefBuilder } from './clip-speaker-list';
export { ClipTopicChips } from './clip-topic-chips';
export type { ClipArticleOpenDetail, ClipTopicSelectDetail, ClipSpeakerSelectDetail } from './clip-events';
