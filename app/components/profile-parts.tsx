import { Link } from "@remix-run/react";
import { formatDay } from "~/lib/format";
import { reasonLabel } from "~/domain/reputation";
import { answerPath, questionPath } from "~/lib/paths";
import type { ReputationLine } from "~/services/profile.server";
import { TagLink } from "./question-list";
import { TimeAgo } from "./time-ago";

export const PROFILE_TABS = { summary: "Summary", questions: "Questions", answers: "Answers", reputation: "Reputation" } as const;
export type ProfileTab = keyof typeof PROFILE_TABS;

/** Only an http(s) address becomes a link; anything else is not shown at all. */
export function WebsiteLink({ website }: { website: string }) {
  let url: URL;
  try {
    url = new URL(website);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  // nofollow ugc: the member wrote it, so it passes no ranking from this site.
  return (
    <a href={url.href} rel="nofollow ugc noopener">
      {url.host + (url.pathname === "/" ? "" : url.pathname)}
    </a>
  );
}

export function ProfileTabs({ basePath, current }: { basePath: string; current: ProfileTab }) {
  return (
    <nav aria-label="Profile sections" className="sort-tabs profile-tabs">
      {(Object.keys(PROFILE_TABS) as ProfileTab[]).map((tab) => (
        <Link key={tab} to={tab === "summary" ? basePath : `${basePath}?tab=${tab}`} aria-current={tab === current ? "page" : undefined} className="sort-tab">
          {PROFILE_TABS[tab]}
        </Link>
      ))}
    </nav>
  );
}

export function TopTags({ tags }: { tags: { tag: string; posts: number; score: number }[] }) {
  if (tags.length === 0) return null;
  return (
    <section aria-labelledby="top-tags-heading" className="top-tags">
      <h2 id="top-tags-heading">Top tags</h2>
      <ul className="top-tags__list">
        {tags.map((tag) => (
          <li key={tag.tag}>
            <TagLink tag={tag.tag} />
            <span className="muted">
              {tag.score} {Math.abs(tag.score) === 1 ? "point" : "points"}, {tag.posts} {tag.posts === 1 ? "post" : "posts"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProfileQuestionList({ items, now }: { items: { id: number; title: string; score: number; answerCount: number; acceptedAnswerId: number | null; createdAt: Date | string }[]; now: string }) {
  if (items.length === 0) return <p className="muted">No questions yet.</p>;
  return (
    <ul className="plain-list profile-list">
      {items.map((question) => (
        <li key={question.id}>
          <span className={`pill${question.acceptedAnswerId ? " pill--accepted" : ""}`} title="Score">
            {question.acceptedAnswerId ? <span className="visually-hidden">Solved, score </span> : <span className="visually-hidden">Score </span>}
            {question.score}
          </span>{" "}
          <Link to={questionPath(question)}>{question.title}</Link>{" "}
          <span className="muted">
            {question.answerCount} {question.answerCount === 1 ? "answer" : "answers"}, <TimeAgo date={question.createdAt} now={now} />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ProfileAnswerList({ items, now }: { items: { id: number; questionId: number; title: string; score: number; accepted: boolean; createdAt: Date | string }[]; now: string }) {
  if (items.length === 0) return <p className="muted">No answers yet.</p>;
  return (
    <ul className="plain-list profile-list">
      {items.map((answer) => (
        <li key={answer.id}>
          <span className={`pill${answer.accepted ? " pill--accepted" : ""}`} title="Score">
            {answer.accepted ? <span className="visually-hidden">Accepted, score </span> : <span className="visually-hidden">Score </span>}
            {answer.score}
          </span>{" "}
          <Link to={answerPath({ id: answer.questionId, title: answer.title }, answer.id)}>{answer.title}</Link>{" "}
          <span className="muted">
            <TimeAgo date={answer.createdAt} now={now} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function signed(delta: number) {
  return delta > 0 ? `+${delta}` : String(delta);
}

function lineLabel(line: ReputationLine) {
  const what = line.reason === "reversal" ? `Reversed: ${reasonLabel(line.reversedReason ?? "")}` : reasonLabel(line.reason);
  return line.events > 1 ? `${what} ×${line.events}` : what;
}

/** One block per day: the day's net change, then one line per post and reason. */
export function ReputationDays({ days }: { days: { day: string; delta: number; lines: ReputationLine[] }[] }) {
  if (days.length === 0) return <p className="muted">No reputation changes yet.</p>;
  return (
    <ol className="rep-days">
      {days.map((day) => (
        <li key={day.day} className="rep-day">
          <h3 className="rep-day__heading">
            <time dateTime={day.day}>{formatDay(day.day, { weekday: true })}</time>
            <span className={day.delta > 0 ? "gain" : day.delta < 0 ? "loss" : ""}>{signed(day.delta)}</span>
          </h3>
          <ul className="rep-day__lines">
            {day.lines.map((line, index) => (
              <li key={index}>
                <span className={`rep-day__delta ${line.delta > 0 ? "gain" : line.delta < 0 ? "loss" : ""}`}>{signed(line.delta)}</span>
                <span>
                  {lineLabel(line)}
                  {line.postId && line.threadTitle ? (
                    <>
                      {" "}
                      on <Link to={`/posts/${line.postId}`}>{line.postType === "answer" ? `an answer to “${line.threadTitle}”` : `“${line.threadTitle}”`}</Link>
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

export function MoreLink({ to, children }: { to: string; children: string }) {
  return (
    <nav aria-label="Pagination" className="pager">
      <Link to={to} rel="next">
        {children}
      </Link>
    </nav>
  );
}
