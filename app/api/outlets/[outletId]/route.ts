import { getDatabase } from "@/lib/db";
import { actorOf, badRequest, notFound, parseBody, serverError } from "@/lib/http/respond";
import { ActionError } from "@/lib/mutations/errors";
import { editOutlet, findOutletId, OutletConflictError } from "@/lib/mutations/outlets";
import { getOutletRegistryItem } from "@/lib/queries/outlets";
import { editOutletSchema } from "@/lib/schemas/outlets";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ outletId: string }> };

/** The outlet reference of the path (Next has decoded it already: decoding again turned "%" into an error). */
function refOf(raw: string): string | null {
  const ref = raw.trim();
  return ref && ref.length <= 300 ? ref : null;
}

/** GET /api/outlets/:id — one outlet (by numeric id or key) with its domains. */
export async function GET(_request: Request, { params }: Params) {
  const ref = refOf((await params).outletId);
  if (!ref) return badRequest("id", "id: expected an outlet id or key");
  try {
    const database = getDatabase();
    const id = await findOutletId(database.db, ref);
    const item = id === null ? null : await getOutletRegistryItem(database.db, id);
    return item ? Response.json(item) : notFound(`outlet "${ref}"`, "id");
  } catch (err) {
    return serverError(err, "reading an outlet");
  }
}

/**
 * PATCH /api/outlets/:id `{name?, domains?, country?, language?, kind?, merge?}` — an analyst's
 * edit; `merge` (outlet keys) folds those outlets and their articles into this one. 409 when a
 * domain belongs to another outlet that is not being merged (the answer names it).
 */
export async function PATCH(request: Request, { params }: Params) {
  const ref = refOf((await params).outletId);
  if (!ref) return badRequest("id", "id: expected an outlet id or key");
  const who = actorOf(request);
  if (!who.ok) return who.response;
  const body = await parseBody(request, editOutletSchema);
  if (!body.ok) return body.response;
  try {
    return Response.json(await editOutlet(ref, body.data, { actor: who.actor }));
  } catch (err) {
    if (err instanceof OutletConflictError) {
      return Response.json({ error: "conflict", field: err.field, message: err.message, outlet: err.outlet }, { status: 409 });
    }
    if (err instanceof ActionError) {
      return Response.json({ error: err.code, field: err.field, message: err.message }, { status: err.code === "not_found" ? 404 : 409 });
    }
    return serverError(err, "editing an outlet");
  }
}
