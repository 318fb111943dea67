// @ts-check
// The search page: Pagefind's JS API with the site's own markup. The query,
// topic, year and order live in the URL, so a search can be shared, and a
// plain GET to /search/?q=... (the header box without JavaScript) just works.

const form = /** @type {HTMLFormElement} */ (document.getElementById("search-form"));
const queryInput = /** @type {HTMLInputElement} */ (document.getElementById("search-query"));
const topicSelect = /** @type {HTMLSelectElement} */ (document.getElementById("search-topic"));
const yearSelect = /** @type {HTMLSelectElement} */ (document.getElementById("search-year"));
const sortSelect = /** @type {HTMLSelectElement} */ (document.getElementById("search-sort"));
const status = /** @type {HTMLElement} */ (document.getElementById("search-status"));
const list = /** @type {HTMLOListElement} */ (document.getElementById("search-results"));
const more = /** @type {HTMLButtonElement} */ (document.getElementById("search-more"));
const chips = /** @type {HTMLUListElement} */ (document.getElementById("search-chips"));
const empty = /** @type {HTMLElement} */ (document.getElementById("search-empty"));
const filtersPanel = /** @type {HTMLDetailsElement} */ (document.getElementById("search-filters"));
const relevanceOption = /** @type {HTMLOptionElement} */ (sortSelect.querySelector('option[value="relevance"]'));
const basePath = form.dataset.basePath || "/";
// The newest part of the index first: its library and WASM search every part.
const bundles = (form.dataset.bundles || "pagefind/").split(" ").filter(Boolean);
const PAGE_SIZE = 10;
/** How many results are checked against the query before the first are shown; beyond this, Pagefind's order is trusted. */
const VERIFY_LIMIT = 200;
// Ranking: an exact word counts far more than a longer word it begins (so "bandit" puts bandit papers
// before "banditry"), and a long abstract is barely penalised: abstracts are all about the same length.
const RANKING = { termSimilarity: 3, pageLength: 0.3, termSaturation: 1.2 };

/** @type {Promise<any> | undefined} */
let pagefindLoading;
function pagefind() {
  pagefindLoading ??= import(`${basePath}${bundles[0]}pagefind.js`).then(async (module) => {
    const options = { baseUrl: basePath, excerptLength: 36, ranking: RANKING };
    // No web worker: its script would be one more download before the first result.
    await module.options({ ...options, noWorker: true });
    await module.init();
    await Promise.all(bundles.slice(1).map((folder) => module.mergeIndex(`${basePath}${folder}`, options)));
    return module;
  });
  return pagefindLoading;
}

/**
 * Newest first needs each result's date before its fragment loads: the build
 * writes them to one file, fetched the first time a reader asks for this order.
 * @type {Promise<{ dateOf: Map<string, string>, byUrl: Record<string, Record<string, string>> }> | undefined}
 */
let newestFirstLoading;
function newestFirstOrder() {
  newestFirstLoading ??= fetch(`${basePath}search/newest-first.json`)
    .then((response) => {
      if (!response.ok) throw new Error(`search/newest-first.json: ${response.status}`);
      return response.json();
    })
    .then((order) => {
      const dateOf = new Map();
      for (const [date, ids] of order.days) for (const id of ids.split(" ")) dateOf.set(id, date);
      return { dateOf, byUrl: order.byUrl };
    });
  return newestFirstLoading;
}

/** Results newest first; a day's results keep their relevance order. */
async function newestFirst(results) {
  const { dateOf, byUrl } = await newestFirstOrder();
  const dated = await Promise.all(
    results.map(async (result, index) => {
      let date = dateOf.get(result.id);
      if (date === undefined && byUrl[result.id]) {
        // An id two index parts share: the result's URL says which paper it is.
        const url = (await result.data()).url;
        date = byUrl[result.id][url.startsWith(basePath) ? `/${url.slice(basePath.length)}` : url];
      }
      return { result, index, date: date ?? "" };
    }),
  );
  dated.sort((a, b) => (a.date === b.date ? a.index - b.index : a.date < b.date ? 1 : -1));
  return dated.map(({ result }) => result);
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  queryInput.value = params.get("q") ?? "";
  topicSelect.value = params.get("topic") ?? "";
  yearSelect.value = params.get("year") ?? "";
  sortSelect.value = params.get("sort") === "newest" || !queryInput.value.trim() ? "newest" : "relevance";
  const header = /** @type {HTMLInputElement | null} */ (document.getElementById("site-search-input"));
  if (header) header.value = queryInput.value;
}

function writeUrl() {
  const params = new URLSearchParams();
  if (queryInput.value.trim()) params.set("q", queryInput.value.trim());
  if (topicSelect.value) params.set("topic", topicSelect.value);
  if (yearSelect.value) params.set("year", yearSelect.value);
  if (sortSelect.value === "newest" && queryInput.value.trim()) params.set("sort", "newest");
  const search = params.toString();
  history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}`);
}

/** The query's words as Pagefind reads them: lower case, split at spaces and punctuation (ell_p stays one word). */
function queryTerms(query) {
  return query.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter((term) => term.length >= 3);
}

/** Edit distance (with swaps of neighbours) up to `limit`; anything larger is limit + 1. */
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, before[j - 2] + 1);
      row.push(cost);
      best = Math.min(best, cost);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/**
 * Whether a word of a paper matches a word of the query: it begins with it (as Pagefind matches), or,
 * for a long word, differs by a typo (one edit from five letters, two from eight). Pagefind on its own
 * falls back to ever shorter prefixes, so "infty" matched every "in"; results are checked with this.
 */
function termMatches(term, word) {
  if (word.startsWith(term)) return true;
  const limit = term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0;
  return limit > 0 && distance(term, word, limit) <= limit;
}

const wordsOf = (text) => text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean);

/** A result's searchable text without its title, authors and the hidden names of its formulas. */
function abstractText(data) {
  let text = data.content ?? "";
  for (const part of [data.meta.title, data.meta.authors]) {
    const at = part ? text.indexOf(part) : -1;
    if (at >= 0 && at < 5) text = text.slice(at + part.length);
  }
  // The formula names come last; their text in the content may differ in spacing from the meta value.
  const math = (data.meta.math ?? "").trim();
  const at = math ? text.lastIndexOf(math.slice(0, 24)) : -1;
  if (at > 0) text = text.slice(0, at);
  return text.trim();
}

/** Every query word is found in the paper (title, authors, abstract or formula names). */
function matchesAll(data, terms) {
  const words = new Set(wordsOf(data.content ?? ""));
  return terms.every((term) => [...words].some((word) => termMatches(term, word)));
}

/** About 36 words of the abstract around the first match, with the matches marked and ellipses where cut. */
function excerptNodes(data, terms) {
  const tokens = abstractText(data).split(/(\s+)/);
  const isMatch = (token) => {
    const words = wordsOf(token);
    return terms.length > 0 && words.some((word) => terms.some((term) => termMatches(term, word)));
  };
  const first = tokens.findIndex((token, index) => index % 2 === 0 && isMatch(token));
  const span = 72;
  const start = Math.max(0, first < 0 ? 0 : first - 24);
  const from = start - (start % 2);
  const to = Math.min(tokens.length, from + span);
  const nodes = [];
  if (from > 0) nodes.push(document.createTextNode("… "));
  for (let index = from; index < to; index++) {
    const token = tokens[index];
    if (index % 2 === 0 && isMatch(token)) {
      const mark = document.createElement("mark");
      mark.textContent = token;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(token));
  }
  if (to < tokens.length) nodes.push(document.createTextNode(" …"));
  return nodes;
}

function resultItem(data, terms) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  heading.className = "entry__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "entry__meta";
  if (data.meta.date) {
    const date = document.createElement("span");
    date.textContent = data.meta.date;
    meta.append(date);
  }
  for (const pair of (data.meta.topics ?? "").split("|").filter(Boolean)) {
    const [slug, name] = pair.split("=");
    const tag = document.createElement("a");
    tag.className = "tag";
    tag.href = `${basePath}topics/${slug}/`;
    tag.textContent = name ?? slug;
    meta.append(tag);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  excerpt.append(...excerptNodes(data, terms));
  item.append(heading, meta, excerpt);
  return item;
}

/**
 * Pagefind's results with the ones that do not hold every query word (as termMatches reads it)
 * removed, checked for the first VERIFY_LIMIT; each kept result remembers its loaded data.
 */
async function verified(results, terms) {
  if (terms.length === 0) return { kept: results.map((result) => ({ result })), unchecked: 0 };
  const checked = results.slice(0, VERIFY_LIMIT);
  const data = await Promise.all(checked.map((result) => result.data()));
  const kept = checked.flatMap((result, index) => (matchesAll(data[index], terms) ? [{ result, data: data[index] }] : []));
  return { kept: [...kept, ...results.slice(VERIFY_LIMIT).map((result) => ({ result }))], unchecked: Math.max(0, results.length - VERIFY_LIMIT) };
}

/**
 * The search itself. When nothing matches and the query has a long word, it is searched again by the
 * word's first letters, and what comes back is kept only when it is within a typo of the word.
 */
async function findPapers(engine, query, filters) {
  const terms = queryTerms(query);
  const search = await engine.debouncedSearch(query || null, { filters }, 150);
  if (search === null) return null;
  let found = await verified(search.results, terms);
  if (found.kept.length === 0 && terms.some((term) => term.length >= 5)) {
    const loose = terms.map((term) => (term.length >= 5 ? term.slice(0, Math.max(4, Math.ceil(term.length * 0.6))) : term)).join(" ");
    const retry = await engine.search(loose, { filters });
    found = await verified(retry.results, terms);
  }
  return { ...found, terms };
}

let generation = 0;
/** @type {{ result: any, data?: any }[]} */
let pending = [];
/** @type {string[]} */
let shownTerms = [];

async function showMore() {
  const batch = pending.splice(0, PAGE_SIZE);
  const results = await Promise.all(batch.map((entry) => entry.data ?? entry.result.data()));
  list.append(...results.map((data) => resultItem(data, shownTerms)));
  more.hidden = pending.length === 0;
}

/** The active filters as chips, each removing its filter. */
function showChips() {
  chips.replaceChildren();
  for (const [select, name] of [[topicSelect, "Topic"], [yearSelect, "Year"]]) {
    if (!select.value) continue;
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "chip chip--remove";
    button.setAttribute("aria-label", `Remove the filter ${name}: ${select.value}`);
    button.textContent = `${name}: ${select.value} `;
    const cross = document.createElement("span");
    cross.setAttribute("aria-hidden", "true");
    cross.textContent = "×";
    button.append(cross);
    button.addEventListener("click", () => {
      select.value = "";
      run();
      queryInput.focus();
    });
    item.append(button);
    chips.append(item);
  }
  chips.hidden = chips.childElementCount === 0;
}

/** What to try when nothing matches: drop a filter, check the spelling, or browse. */
function showEmpty(query) {
  const filtered = topicSelect.value || yearSelect.value;
  empty.querySelector("[data-empty-filters]").hidden = !filtered;
  empty.querySelector("[data-empty-words]").hidden = !query;
  empty.hidden = false;
}

async function run() {
  const current = ++generation;
  const query = queryInput.value.trim();
  // Without words there is no relevance to sort by: the newest papers come first.
  const wordless = !query;
  relevanceOption.disabled = wordless;
  if (wordless && sortSelect.value === "relevance") sortSelect.value = "newest";
  writeUrl();
  showChips();
  empty.hidden = true;
  /** @type {Record<string, string>} */
  const filters = {};
  if (topicSelect.value) filters.topic = topicSelect.value;
  if (yearSelect.value) filters.year = yearSelect.value;
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  const engine = await pagefind();
  const found = await findPapers(engine, query, filters);
  if (found === null || current !== generation) return;
  const ordered = sortSelect.value === "newest" ? await newestFirst(found.kept.map((entry) => entry.result)) : found.kept.map((entry) => entry.result);
  if (current !== generation) return;
  const dataOf = new Map(found.kept.map((entry) => [entry.result, entry.data]));
  pending = ordered.map((result) => ({ result, data: dataOf.get(result) }));
  shownTerms = found.terms;
  list.replaceChildren();
  await showMore();
  if (current !== generation) return;
  const count = found.kept.length;
  if (count === 0) {
    status.textContent = query ? `No papers match “${query}”${filters.topic || filters.year ? " with these filters" : ""}.` : "No papers match these filters.";
    showEmpty(query);
  } else status.textContent = `${found.unchecked ? "About " : ""}${count} paper${count === 1 ? "" : "s"} found.`;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
queryInput.addEventListener("input", run);
for (const select of [topicSelect, yearSelect, sortSelect]) select.addEventListener("change", run);
more.addEventListener("click", showMore);

// The filters fold away on a phone, so the first result is near the top; on a wider screen they stay open.
if (matchMedia("(min-width: 40rem)").matches) filtersPanel.open = true;
empty.querySelector("[data-empty-clear]")?.addEventListener("click", () => {
  topicSelect.value = "";
  yearSelect.value = "";
  run();
});
readUrl();
run();
