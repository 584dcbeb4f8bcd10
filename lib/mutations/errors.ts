/**
 * A manual action that cannot be carried out as asked. `not_found`: an id names nothing;
 * `conflict`: the request is well-formed but contradicts the data (moving an article into the
 * event it is already in, merging an event into itself). `field` names the request field at fault,
 * so the API can answer 404 / 409 with it. Thrown inside the action's transaction, so nothing of
 * the action is written.
 */
export class ActionError extends Error {
  constructor(
    readonly code: "not_found" | "conflict",
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

export function notFoundError(field: string, message: string): ActionError {
  return new ActionError("not_found", field, message);
}

export function conflictError(field: string, message: string): ActionError {
  return new ActionError("conflict", field, message);
}
