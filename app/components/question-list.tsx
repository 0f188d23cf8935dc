import { Link } from "@remix-run/react";
import { TimeAgo } from "./time-ago";
import { UserName, type NamedUser } from "./user-name";
import { questionPath, tagPath } from "~/lib/paths";
import { CheckIcon } from "./icons";

export interface QuestionSummary {
  id: number;
  title: string;
  tags: string[];
  score: number;
  answerCount: number;
  hasAcceptedAnswer: boolean;
  /** Accepted, or an answer staff verified (lists built before staff verification may leave it out). */
  solved?: boolean;
  createdAt: Date | string;
  excerpt: string;
  author: NamedUser;
}

export function TagLink({ tag }: { tag: string }) {
  return (
    <Link to={tagPath(tag)} className="tag">
      {tag}
    </Link>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <TagLink tag={tag} />
        </li>
      ))}
    </ul>
  );
}

/** Keyset pagination: one link to the next page, if there is one. */
export function Pager({ basePath, sort, nextCursor }: { basePath: string; sort: string; nextCursor: string | null }) {
  if (!nextCursor) return null;
  return (
    <nav aria-label="Pagination" className="pager">
      <Link to={`${basePath}?sort=${sort}&after=${nextCursor}`} rel="next">
        More questions
      </Link>
    </nav>
  );
}

export function QuestionList({ questions, now }: { questions: QuestionSummary[]; now: string }) {
  if (questions.length === 0) return <p className="empty">No questions here yet.</p>;
  return (
    <ol className="question-list">
      {questions.map((question) => (
        <li key={question.id} className="question-row">
          <div className="question-row__stats">
            <span className="stat">
              <strong>{question.score}</strong> {Math.abs(question.score) === 1 ? "vote" : "votes"}
            </span>
            <span className={`stat ${question.hasAcceptedAnswer || question.solved ? "stat--accepted" : question.answerCount > 0 ? "stat--answered" : ""}`}>
              {question.hasAcceptedAnswer || question.solved ? (
                <>
                  <CheckIcon size={14} />{" "}
                </>
              ) : null}
              <strong>{question.answerCount}</strong> {question.answerCount === 1 ? "answer" : "answers"}
              {question.hasAcceptedAnswer ? <span className="visually-hidden">, one accepted</span> : question.solved ? <span className="visually-hidden">, one staff verified</span> : null}
            </span>
          </div>
          <div className="question-row__main">
            <h2 className="question-row__title">
              <Link to={questionPath(question)}>{question.title}</Link>
            </h2>
            <p className="question-row__excerpt">{question.excerpt}</p>
            <div className="question-row__meta">
              <TagList tags={question.tags} />
              <span className="question-row__byline">
                <UserName user={question.author} showReputation /> asked <TimeAgo date={question.createdAt} now={now} />
              </span>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}

const SORT_LABELS = { newest: "Newest", active: "Active", unanswered: "Unanswered", top: "Top" } as const;

export function SortTabs({ basePath, current }: { basePath: string; current: keyof typeof SORT_LABELS }) {
  return (
    <nav aria-label="Sort questions" className="sort-tabs">
      {(Object.keys(SORT_LABELS) as (keyof typeof SORT_LABELS)[]).map((sort) => (
        <Link key={sort} to={`${basePath}?sort=${sort}`} aria-current={sort === current ? "page" : undefined} className="sort-tab">
          {SORT_LABELS[sort]}
        </Link>
      ))}
    </nav>
  );
}
