import Link from "next/link";
import { currentAuth } from "@/lib/auth/server";

/** The header's sign-in state: nothing when auth is off, else who is signed in and a sign-out button. */
export async function AuthStatus() {
  const auth = await currentAuth();
  if (!auth.enabled) return null;
  const focus = "rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white";
  if (!auth.session) {
    return (
      <Link href="/signin" className={`${focus} px-3 py-1.5 text-sm font-medium text-neutral-300 hover:bg-white/10 hover:text-white`}>
        Sign in
      </Link>
    );
  }
  const who = auth.session.name ?? (auth.session.role === "admin" ? "admin" : "reader");
  return (
    <form action="/api/auth/signout" method="post" className="flex items-center gap-2 text-sm text-neutral-300">
      <span>
        Signed in as <span className="font-medium text-white">{who}</span>
        {auth.session.role === "read" ? " (read only)" : ""}
      </span>
      <button type="submit" className={`${focus} px-2.5 py-1 font-medium text-neutral-300 hover:bg-white/10 hover:text-white`}>
        Sign out
      </button>
    </form>
  );
}
