import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".tenantry/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Queries render their answers as deferred updates (lib/client/hooks/query.ts): one way in.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/client/hooks/query.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@tanstack/react-query", importNames: ["useQuery", "useInfiniteQuery"], message: "Use lib/client/hooks/query.ts, which renders a new answer as a deferred update." }] }],
    },
  },
];

export default config;
