// The side column beside lists and threads on a wide screen (under the content on a phone):
// small boxes of related questions and articles, the question's facts, hot questions and tags.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { CheckIcon } from "./icons";
import { TagLink, TagList } from "./question-list";
import { TimeAgo } from "./time-ago";
import { questionPath } from "~/lib/paths";

export function SideColumn({ label, children }: { label: string; children: ReactNode }) {
  return (
    <aside className="side-column" aria-label={label}>
      {children}
    </aside>
  );
}

function SideBox({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="side-box" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export interface SideLink {
  /** Search results are of three kinds; the side column lists questions and articles. */
  kind: "question" | "answer" | "article";
  id: number;
  title: string;
  url: string;
  solved: boolean;
  answerCount: number | null;
}

/** A question's answer count (green when solved) or "Article", then its title. */
function SideLinks({ items }: { items: SideLink[] }) {
  return (
    <ul className="side-list">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`}>
          <span className={`side-list__count${item.solved ? " side-list__count--solved" : ""}`}>
            {item.kind === "article" ? "Article" : item.answerCount ?? 0}
            {item.kind === "question" ? <span className="visually-hidden">{item.solved ? " answers, solved" : " answers"}</span> : null}
            {item.kind === "question" && item.solved ? <CheckIcon size={12} /> : null}
          </span>
          <Link to={item.url}>{item.title}</Link>
        </li>
      ))}
    </ul>
  );
}

export function RelatedBox({ related }: { related: SideLink[] }) {
  if (related.length === 0) return null;
  return (
    <SideBox id="related-heading" title="Related">
      <SideLinks items={related} />
    </SideBox>
  );
}

export function HotQuestionsBox({ questions }: { questions: { id: number; title: string; answerCount: number; solved: boolean }[] }) {
  if (questions.length === 0) return null;
  const items = questions.map((question) => ({ ...question, kind: "question" as const, url: questionPath(question) }));
  return (
    <SideBox id="hot-heading" title="Hot this week">
      <SideLinks items={items} />
    </SideBox>
  );
}

/** The thread's facts at a glance: when it was asked and last active, its answers, votes and state. */
export function QuestionFactsBox({
  question,
  now,
}: {
  question: { createdAt: Date | string; lastActivityAt: Date | string; answerCount: number; score: number; solved: boolean; closed: boolean; tags: string[] };
  now: string;
}) {
  const state = question.closed ? "Closed" : question.solved ? "Solved" : question.answerCount > 0 ? "Answered" : "Waiting for an answer";
  return (
    <SideBox id="facts-heading" title="This question">
      <dl className="side-facts">
        <dt>Asked</dt>
        <dd>
          <TimeAgo date={question.createdAt} now={now} />
        </dd>
        <dt>Active</dt>
        <dd>
          <TimeAgo date={question.lastActivityAt} now={now} />
        </dd>
        <dt>Answers</dt>
        <dd>{question.answerCount}</dd>
        <dt>Votes</dt>
        <dd>{question.score}</dd>
        <dt>Status</dt>
        <dd>{state}</dd>
      </dl>
      {question.tags.length > 0 ? <TagList tags={question.tags} /> : null}
    </SideBox>
  );
}

export function PopularTagsBox({ tags }: { tags: { name: string; questionCount: number }[] }) {
  if (tags.length === 0) return null;
  return (
    <SideBox id="popular-tags-heading" title="Popular tags">
      <ul className="side-tags">
        {tags.map((tag) => (
          <li key={tag.name}>
            <TagLink tag={tag.name} />{" "}
            <span className="muted">
              {tag.questionCount}
              <span className="visually-hidden"> questions</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="side-box__more">
        <Link to="/tags">All tags</Link>
      </p>
    </SideBox>
  );
}
