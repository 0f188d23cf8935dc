// Shape of the demo community seeded on the first start of an empty database.
// Content lives in demo-content.ts; app/seed/seed-demo.ts replays it through the real services
// (so the reputation ledger, scores and counts are exactly what users would have produced).

import type { Role } from "../../db/schema";

export interface DemoUser {
  /** Short stable key used to refer to this user elsewhere in the content. */
  key: string;
  displayName: string;
  email: string;
  role: Role;
  /** How many days ago the account was created. */
  joinedDaysAgo: number;
}

export interface DemoComment {
  author: string; // DemoUser.key
  body: string; // plain text, max 600 chars
}

export interface DemoAnswer {
  author: string; // DemoUser.key
  body: string; // markdown
  /** Hours after the question was asked. */
  hoursAfter: number;
  upvoters?: string[]; // DemoUser.key list
  downvoters?: string[];
  accepted?: boolean; // at most one per question
  comments?: DemoComment[];
}

export interface DemoQuestion {
  author: string; // DemoUser.key
  title: string; // 15-150 chars
  body: string; // markdown
  tags: string[]; // 1-5 lowercase tags, [a-z0-9.+#-]
  daysAgo: number; // when it was asked, 0-120
  upvoters?: string[];
  downvoters?: string[];
  answers: DemoAnswer[];
  comments?: DemoComment[];
}

export interface DemoKnowledgeArticle {
  /** Index into demoQuestions of the question whose accepted answer was promoted. */
  questionIndex: number;
  category: string;
  /** Whether the source answer was edited after promotion (article then "needs review"). */
  needsReview?: boolean;
}
