// Support-forum text with a skewed (Zipf-like) word frequency, so search and suggestions meet
// common and rare words as they would on a real forum. Shared by `npm run bench:services` (which draws the
// words in SQL) and `npm run seed:large` (which draws them here, from a seeded generator).

// Most frequent first: a word's chance falls with its rank, as in real text.
export const SUPPORT_VOCABULARY = (
  "invoice payment bank account export report customer tax error feed app number settings email " +
  "reconcile transaction csv vat receipt stripe paypal user login mobile total currency date api " +
  "webhook quote recurring template pdf balance refund fee line item discount due overdue reminder " +
  "payroll employee pension journal ledger expense category supplier bill credit note statement " +
  "import duplicate missing wrong rate exchange gbp usd eur sync connection token permission role " +
  "password reset 2fa locked subscription plan upgrade downgrade trial cancel charge card deposit " +
  "payout gross net rounding decimal column header format semicolon comma filter search list page " +
  "crash android ios scanner camera upload attachment logo footer branding address contact phone " +
  "reminder schedule monthly weekly annual period locked closing year opening migration xero " +
  "quickbooks spreadsheet formula zapier trigger action integration developer key secret signature " +
  "retry timeout limit slow blank screen notification inbox forward backup restore archive delete " +
  "merge split partial allocation prepayment deposit retainer milestone project time tracking hours " +
  "mileage vehicle asset depreciation inventory stock sku warehouse shipping state exempt reverse " +
  "charge threshold registration hmrc filing submission deadline penalty audit trail history log"
)
  .split(" ")
  .filter(Boolean);

/** How many ranks the Zipf curve spans: past the named words come rare ones ("w1234"), as product
 * names, error codes and typos are. */
export const RANKED_WORDS = 3000;

/** A small, fast, seeded generator (mulberry32): the same seed gives the same data set. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A rank in 1..max drawn with chance proportional to 1/(k + 10): the same curve the bench's SQL uses. */
export function zipfRank(random: () => number, max: number): number {
  return Math.min(max, Math.floor(10 * Math.pow(max / 10 + 1, random()) - 10) + 1);
}

export function supportWord(random: () => number): string {
  const k = zipfRank(random, RANKED_WORDS);
  return k <= SUPPORT_VOCABULARY.length ? SUPPORT_VOCABULARY[k - 1] : `w${k}`;
}

export function supportWords(random: () => number, count: number): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(supportWord(random));
  return words.join(" ");
}
