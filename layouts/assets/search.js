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
const basePath = form.dataset.basePath || "/";
// The newest part of the index first: its library and WASM search every part.
const bundles = (form.dataset.bundles || "pagefind/").split(" ").filter(Boolean);
const PAGE_SIZE = 10;

/** @type {Promise<any> | undefined} */
let pagefindLoading;
function pagefind() {
  pagefindLoading ??= import(`${basePath}${bundles[0]}pagefind.js`).then(async (module) => {
    const options = { baseUrl: basePath, excerptLength: 36 };
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
  sortSelect.value = params.get("sort") === "newest" ? "newest" : "relevance";
  const header = /** @type {HTMLInputElement | null} */ (document.getElementById("site-search-input"));
  if (header) header.value = queryInput.value;
}

function writeUrl() {
  const params = new URLSearchParams();
  if (queryInput.value.trim()) params.set("q", queryInput.value.trim());
  if (topicSelect.value) params.set("topic", topicSelect.value);
  if (yearSelect.value) params.set("year", yearSelect.value);
  if (sortSelect.value === "newest") params.set("sort", "newest");
  const search = params.toString();
  history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}`);
}

/** Pagefind's excerpt is HTML with <mark> around matches: keep the text and the marks, nothing else. */
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
  const nodes = [];
  for (const node of parsed ? Array.from(parsed.childNodes) : []) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ""));
  }
  return nodes;
}

function resultItem(data) {
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
  excerpt.append(...excerptNodes(data.excerpt ?? ""));
  item.append(heading, meta, excerpt);
  return item;
}

let generation = 0;
let pending = /** @type {any[]} */ ([]);

async function showMore() {
  const batch = pending.splice(0, PAGE_SIZE);
  const results = await Promise.all(batch.map((result) => result.data()));
  list.append(...results.map(resultItem));
  more.hidden = pending.length === 0;
}

async function run() {
  const current = ++generation;
  writeUrl();
  const query = queryInput.value.trim();
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
  const search = await engine.debouncedSearch(query || null, { filters }, 150);
  if (search === null || current !== generation) return;
  const ordered = sortSelect.value === "newest" ? await newestFirst(search.results) : search.results;
  if (current !== generation) return;
  pending = [...ordered];
  list.replaceChildren();
  await showMore();
  const count = search.results.length;
  status.textContent = count === 0 ? "No papers match." : `${count} paper${count === 1 ? "" : "s"} found.`;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
queryInput.addEventListener("input", run);
for (const select of [topicSelect, yearSelect, sortSelect]) select.addEventListener("change", run);
more.addEventListener("click", showMore);

readUrl();
run();
