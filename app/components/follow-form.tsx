// Follow or unfollow a question or a tag: one button in a plain form (works without JavaScript),
// with a line saying what following brings.
import { Form } from "@remix-run/react";

const WHAT_YOU_HEAR = { question: "new answers", tag: "new questions" } as const;

export function FollowForm({ following, what }: { following: boolean; what: keyof typeof WHAT_YOU_HEAR }) {
  return (
    <Form method="post" className="follow-form" preventScrollReset>
      <button type="submit" name="intent" value={following ? "unfollow" : "follow"} className="button button--secondary button--small" aria-describedby={`follow-${what}-note`}>
        {following ? "Unfollow" : "Follow"}
      </button>
      <span id={`follow-${what}-note`} className="muted follow-form__note">
        {following ? `You are told of ${WHAT_YOU_HEAR[what]} in your notifications.` : `Hear of ${WHAT_YOU_HEAR[what]} in your notifications.`}
      </span>
    </Form>
  );
}
