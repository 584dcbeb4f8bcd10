import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/db/generated/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The layering rule of STYLE.md: pure modules never reach for the framework or the database.
    files: ["lib/ingest/**", "lib/extract/**", "lib/cluster/**", "lib/export/**", "lib/places/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react-dom", "@prisma/*", "**/db", "**/db/*", "**/env", "@/lib/db*", "@/lib/env"], message: "lib/{ingest,extract,cluster,export} are pure: pass I/O in." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*", "**/app/*", "@/lib/db*", "@/lib/queries*", "@/lib/mutations*", "@/lib/pipeline*"], message: "components never import app/ or server data code." }] },
      ],
    },
  },
]);
