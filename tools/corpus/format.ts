import type { Random } from "./random.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Aug 20" for 2025-08-20, as the page's date line shows it. */
export function monthDay(date: string): string {
  const [, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}`;
}

export interface FormattedPaper {
  title: string;
  abstract: string;
  arxivId: string;
}

const PLAIN_HEADER = ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community"];
const CARD_HEADER = [
  "new",
  "Get trending papers in your email inbox once a day!",
  "Subscribe",
  "Daily Papers",
  "by AK and the research community",
];
const SUBMITTERS = [
  "akhaliq",
  "taesiri",
  "nielsr",
  "osanseviero",
  "julien-c",
  "merve",
  "davanstrien",
  "clefourrier",
  "lhoestq",
  "reach-vb",
  "ybelkada",
  "sayakpaul",
];
const ORGANIZATIONS = [
  "Google DeepMind",
  "Tsinghua University",
  "Meta AI",
  "Microsoft Research",
  "Stanford University",
  "Carnegie Mellon University",
  "Alibaba Group",
  "ETH Zurich",
  "Hugging Face",
  "MIT CSAIL",
  "Shanghai AI Laboratory",
  "NVIDIA",
  "University of Oxford",
  "Mila",
];

/** A title split over two lines, as a narrow page wraps it; the parser joins it back with one space. */
function titleLines(random: Random, title: string, wrapRate: number): string[] {
  if (title.length < 50 || !random.chance(wrapRate)) return [title];
  const cut = title.indexOf(" ", Math.floor(title.length / 2));
  return cut > 0 ? [title.slice(0, cut), title.slice(cut + 1)] : [title];
}

/** The plain layout: page chrome, the date line, then title and abstract paragraphs. */
export function formatPlainDay(random: Random, date: string, papers: readonly FormattedPaper[]): string {
  const blocks = [...PLAIN_HEADER, monthDay(date)];
  for (const paper of papers) {
    const title = titleLines(random, paper.title, 0.06);
    // Now and then the abstract follows its title with no blank line, as some copies paste it.
    if (paper.abstract.length > 200 && title.length === 1 && random.chance(0.02)) blocks.push(`${title[0]}\n${paper.abstract}`);
    else blocks.push(title.join("\n"), paper.abstract);
  }
  return `${blocks.join("\n\n")}\n`;
}

function stars(random: Random): string {
  // Log-uniform from 1 to about 30k stars.
  const value = Math.round(10 ** (random.int(0, 45) / 10));
  return value >= 1000 ? `${(value / 1000).toFixed(1).replace(/\.0$/, "")}k` : String(value);
}

/** The card layout of a saved Daily Papers page (see test/fixtures/card/2025-08-22.txt). */
export function formatCardDay(random: Random, date: string, papers: readonly FormattedPaper[]): string {
  const year = Number(date.slice(0, 4));
  const blocks = [...CARD_HEADER, monthDay(date), "Daily", "Weekly", "Monthly"];
  const dayMs = Date.parse(`${date}T00:00:00Z`);
  for (const paper of papers) {
    const url = `https://huggingface.co/papers/${paper.arxivId}`;
    const lines = ["Submitted by", random.pick(SUBMITTERS), "-"];
    const authors = random.int(1, 40);
    if (random.chance(0.5)) lines.push("[", `${authors} author${authors === 1 ? "" : "s"}`, `](${url}#authors)`);
    else lines.push(`[${authors} author${authors === 1 ? "" : "s"}](${url}#authors)`);
    if (random.chance(0.5)) lines.push(random.pick(ORGANIZATIONS));
    lines.push(url, ...titleLines(random, paper.title, 0.2), url, "·");
    const published = new Date(dayMs - random.int(0, 3) * 86_400_000);
    const publishedText = `${MONTHS[published.getUTCMonth()]} ${published.getUTCDate()}, ${published.getUTCFullYear() || year}`;
    lines.push(random.chance(0.8) ? `Published on ${publishedText}` : publishedText);
    lines.push(random.chance(0.1) ? "-" : String(random.int(0, 250)));
    if (random.chance(0.8)) lines.push("Upvote");
    if (random.chance(0.4)) lines.push(`GitHub ${stars(random)}`);
    lines.push("arXiv Page");
    const comments = random.next();
    if (comments < 0.2) lines.push(String(random.int(1, 30)));
    else if (comments < 0.3) {
      const count = random.int(1, 9);
      lines.push(`${count} comment${count === 1 ? "" : "s"}`);
    }
    blocks.push(lines.join("\n"), paper.abstract);
  }
  return `${blocks.join("\n\n")}\n`;
}
