// Staff verified: the mark on an answer staff vouch for, and the staff's button to set or remove it.
import { Form } from "@remix-run/react";
import { CheckIcon } from "./icons";

export function StaffVerifiedMark() {
  return (
    <p className="verified-mark" data-testid="staff-verified">
      <CheckIcon size={14} />{" "}Staff verified
    </p>
  );
}

/** Posts to /posts/:id/verify; works without JavaScript (the server redirects back to the answer). */
export function StaffVerifyForm({ answerId, verified }: { answerId: number; verified: boolean }) {
  return (
    <Form method="post" action={`/posts/${answerId}/verify`} preventScrollReset className="verify-form">
      <button type="submit" name="intent" value={verified ? "unverify" : "verify"} className="button button--quiet button--small">
        {verified ? "Remove staff verification" : "Mark staff verified"}
      </button>
    </Form>
  );
}
