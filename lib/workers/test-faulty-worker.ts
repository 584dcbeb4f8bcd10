/**
 * Test fixture: an extraction worker that fails on purpose. An article whose text contains
 * FAULT:THROW throws, FAULT:EXIT ends the thread, FAULT:HANG never returns; others are analysed.
 */
import { analyseArticle, type AnalyseInput } from "../pipeline/analyse";
import { serveJobs } from "./serve";

serveJobs((job: AnalyseInput) => {
  if (job.text.includes("FAULT:THROW")) throw new Error("extractor failed on purpose");
  if (job.text.includes("FAULT:EXIT")) process.exit(3);
  if (job.text.includes("FAULT:HANG")) for (;;);
  return analyseArticle(job);
});
