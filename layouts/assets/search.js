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
const PAGE_SIZE = 20;

/** @type {Promise<any> | undefined} */
let pagefindLoading;
function pagefind() {
  pagefindLoading ??= import(`${basePath}pagefind/pagefind.js`).then(async (module) => {
    await module.options({ baseUrl: basePath, excerptLength: 36 });
    module.init();
    return module;
  });
  return pagefindLoading;
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
  const options = { filters, ...(sortSelect.value === "newest" ? { sort: { date: "desc" } } : {}) };
  const search = await engine.debouncedSearch(query || null, options, 150);
  if (search === null || current !== generation) return;
  pending = [...search.results];
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
