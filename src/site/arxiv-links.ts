/** Where arXiv keeps a paper, by its id: the one place these addresses are written. */
export const arxivAbstractUrl = (arxivId: string) => `https://arxiv.org/abs/${arxivId}`;
export const arxivPdfUrl = (arxivId: string) => `https://arxiv.org/pdf/${arxivId}`;
/** arXiv's title search, for a paper the digest gives no id for; `query` is already URL-encoded. */
export const arxivTitleSearchUrl = (query: string) => `https://arxiv.org/search/?query=${query}&searchtype=title`;
