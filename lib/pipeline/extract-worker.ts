/** Entry module of an extraction worker thread (started by `extraction-pool.ts`). */
import { serveJobs } from "../workers/serve";
import { analyseArticle } from "./analyse";

serveJobs(analyseArticle);
