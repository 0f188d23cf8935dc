// Search and ask-time suggestions: the entry points other features build on.
//
//   parseSearchQuery(text)                 ~/domain/search-query: the query language, pure, never throws
//   searchEverything(db, parsed, options)  /search and the header box: questions, answers, published articles
//   loadSearchPage(db, parsed, options)    the same, plus popular tags when there is nothing to show
//   suggestSimilar(db, { title, body }, { limit, excludeIds, candidateIds, minRelevance })
//                                          the ask page's suggestions (answered questions and published
//                                          articles); with excludeIds: [questionId], a question page's
//                                          "related" column. The function `npm run eval:similar` measures.
//   refreshSearchStatistics(db)            the word-rarity snapshot suggestions use: call at start-up
//                                          (after the seed), daily, and after bulk imports
//   formatSearchQuery(parsed)              ~/domain/search-query: a canonical query text, e.g. the key
//                                          for counting searches that found nothing
//
// Every result (SearchResult in ./types) carries titleHtml and snippetHtml that are safe to set as
// HTML: the post's text escaped, only <mark> added (./highlight.server.ts).
export { searchEverything, MAX_SEARCH_PAGE, SEARCH_PAGE_SIZE, type SearchOptions, type SearchPage } from "./search.server";
export { loadSearchPage, popularTags } from "./search-page.server";
export { suggestSimilar, SUGGESTION_LIMIT, type SimilarOptions } from "./similar.server";
export { refreshSearchStatistics, searchStatisticsAge } from "./statistics.server";
export type { SearchResult } from "./types";
