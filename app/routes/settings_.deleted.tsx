import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Account deleted - Peerdesk" }];

export default function AccountDeletedPage() {
  return (
    <div className="page page--narrow">
      <h1>Your account is deleted</h1>
      <div className="card stack" role="status">
        <p>You are logged out, and your email, password and profile are gone. Your posts stay, under a “Former member” name.</p>
        <p className="muted">Thank you for helping other customers.</p>
      </div>
      <p>
        <Link to="/">Back to the questions</Link>
      </p>
    </div>
  );
}
