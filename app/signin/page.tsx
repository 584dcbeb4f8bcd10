import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/proxy";
import { currentAuth } from "@/lib/auth/server";
import { PageHeader } from "@/components/layout/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  invalid: "That token is not valid. Check PARALLAX_ADMIN_TOKEN (or PARALLAX_READ_TOKEN) on the server and try again.",
  too_many_attempts: "Too many failed attempts from here. Wait a few minutes, then try again.",
  bad_request: "Enter the token.",
  bad_name: "The name must be at most 100 characters, without control characters.",
  disabled: "Sign-in is off on this server.",
};

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const next = safeNextPath(one(sp.next));
  const auth = await currentAuth();
  // Already signed in with enough rights for where they were going: go there.
  if (auth.session && auth.session.role === "admin" && one(sp.next)) redirect(next);
  const error = one(sp.error);
  const message = error ? (ERRORS[error] ?? "Sign-in failed. Try again.") : null;

  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageHeader title="Sign in" description="Parallax asks for the token its administrator set on the server." />
      {!auth.enabled ? (
        <Card>
          <CardBody className="space-y-2 text-sm text-neutral-800">
            <p>
              Sign-in is not needed: this server has no <code className="font-mono">PARALLAX_ADMIN_TOKEN</code>, so it listens on this machine only and
              anyone on it can make changes.
            </p>
            <p className="text-neutral-600">
              To require sign-in, start it with <code className="font-mono">PARALLAX_ADMIN_TOKEN=$(openssl rand -hex 32) npm start</code>.
            </p>
            <Link href="/" className={buttonClasses("outline", "md")}>
              Go to the overview
            </Link>
          </CardBody>
        </Card>
      ) : (
        <Card>
          <CardBody>
            {auth.session ? (
              <p className="mb-3 rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900" role="status">
                You are signed in as {auth.session.name ?? auth.session.role}
                {auth.session.role === "read" ? ", for reading only. Sign in with the admin token to make changes." : "."}
              </p>
            ) : null}
            {one(sp.signedout) ? (
              <p className="mb-3 rounded-md bg-neutral-100 px-3 py-2 text-sm text-neutral-800" role="status">
                You are signed out.
              </p>
            ) : null}
            {message ? (
              <p id="signin-error" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
                {message}
              </p>
            ) : null}
            <form action="/api/auth/signin" method="post" className="space-y-3">
              <input type="hidden" name="next" value={next} />
              <div className="flex flex-col gap-1">
                <Label htmlFor="signin-token">Token</Label>
                <Input
                  id="signin-token"
                  name="token"
                  type="password"
                  required
                  autoComplete="current-password"
                  aria-invalid={error === "invalid" || error === "bad_request" ? true : undefined}
                  aria-describedby={message ? "signin-error" : undefined}
                />
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor="signin-name">Your name (optional)</Label>
                <Input id="signin-name" name="name" type="text" maxLength={100} autoComplete="name" aria-describedby="signin-name-hint" />
                <p id="signin-name-hint" className="text-xs text-neutral-500">
                  Recorded as the author of your merges, edits and uploads; without it they are recorded as “admin”.
                </p>
              </div>
              <button type="submit" className={buttonClasses("primary", "md")}>
                Sign in
              </button>
            </form>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
