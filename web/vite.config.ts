import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const backend = "http://localhost:8080";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: {
      "/api": { target: backend, changeOrigin: true },
      "/actuator": { target: backend, changeOrigin: true },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The lazily loaded chart chunk is ECharts core + bar/pie/line/heatmap, visual map, mark lines and
    // canvas (~620 kB, well under half of the full ECharts build); the default warning at 500 kB would
    // fire on every build without telling us anything.
    chunkSizeWarningLimit: 700,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    unstubGlobals: true,
    // Two shared cores: a test that waits on several renders can take seconds when Maven is busy.
    testTimeout: 15_000,
  },
});
