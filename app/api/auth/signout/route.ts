import type { NextRequest, NextResponse } from "next/server";
import { signOut } from "@/lib/auth/signin";

export const dynamic = "force-dynamic";

/** POST /api/auth/signout — clears the session cookies; a form post is sent back to the sign-in page. */
export async function POST(request: NextRequest): Promise<NextResponse> {
  return signOut(request);
}
