-- DropIndex
DROP INDEX "Article_contentHash_idx";

-- DropIndex
DROP INDEX "Statement_speaker_idx";

