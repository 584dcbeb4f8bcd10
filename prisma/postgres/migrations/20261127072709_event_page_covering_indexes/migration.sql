-- DropIndex
DROP INDEX "CasualtyClaim_articleId_idx";

-- DropIndex
DROP INDEX "Statement_articleId_idx";

-- CreateIndex
CREATE INDEX "Article_member_idx" ON "Article"("id", "outletId", "publishedAt", "publishedDay", "language", "syndicatedFromId");

-- CreateIndex
CREATE INDEX "CasualtyClaim_article_figures_idx" ON "CasualtyClaim"("articleId", "isHeadline", "isContext", "kind", "min", "max", "qualifier");

-- CreateIndex
CREATE INDEX "Statement_articleId_direct_idx" ON "Statement"("articleId", "direct");

