import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { signIn } from "@/lib/auth/signin";

export const dynamic = "force-dynamic";

/**
 * POST /api/auth/signin — the sign-in form (token, optional name, next) or JSON
 * `{"token":"…","name":"alice"}`. Sets the HttpOnly session cookie and its CSRF cookie.
 */
export async function POST(request: NextRequest): Promise<NextResponse> {
  return signIn(request, authConfig());
}
