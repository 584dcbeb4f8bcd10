-- AlterTable
ALTER TABLE "IngestRun" ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "host" TEXT,
ADD COLUMN     "pid" INTEGER;

