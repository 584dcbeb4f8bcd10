import { z } from "zod";

/**
 * One article as the stdin commands (`extract`, `cluster`) receive it, one JSON object per line:
 * `{id, title, text, date, outlet, url}`. Only `id` and `text` are required.
 */
export const articleLineSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  title: z.string().nullish().transform((v) => v ?? ""),
  text: z.string(),
  date: z.string().nullish().transform((v) => v ?? null),
  outlet: z.string().nullish().transform((v) => v ?? null),
  url: z.string().nullish().transform((v) => v ?? null),
});
export type ArticleLine = z.infer<typeof articleLineSchema>;
