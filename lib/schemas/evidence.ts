import { z } from "zod";

/** Most claims one evidence request may name. */
export const EVIDENCE_MAX_CLAIMS = 100;

/** `?claim=12&claim=13` or `?claim=12,13`: the claims whose evidence sentences to return. */
export const evidenceQuerySchema = z.object({
  claim: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
    .refine((ids) => ids.length > 0, "name at least one claim: ?claim=ID")
    .refine((ids) => ids.length <= EVIDENCE_MAX_CLAIMS, `at most ${EVIDENCE_MAX_CLAIMS} claims per request`)
    .refine((ids) => ids.every((id) => /^\d{1,12}$/.test(id)), "claim ids are positive whole numbers")
    .transform((ids) => ids.map(Number)),
});
export type EvidenceQuery = z.infer<typeof evidenceQuerySchema>;
