import type { Features, PageKey } from "../shared/features/useFeatures";
import type { SessionUser } from "../shared/auth/session";
import type { IssuePage } from "../features/issues/issueTypes";
import type { Preferences } from "../shared/preferences/usePreferences";
import { jsonResponse, mockFetch, problemResponse, type RecordedRequest } from "./mockFetch";
import { testUser } from "./session";
import { NAV_ITEMS } from "../shared/layout/navItems";

/** What the server of today says: the built pages on, the rest off. */
export function features(on: PageKey[] = NAV_ITEMS.filter((i) => i.built).map((i) => i.key)): Features {
  const all: PageKey[] = ["overview", "issues", "raw_alerts", "breaking", "usage", "investigations", "ai_issues", "patrol", "chat", "llm_usage", "settings", "help"];
  return { pages: Object.fromEntries(all.map((key) => [key, on.includes(key)])) };
}

export const defaultPreferences: Preferences = { time_zone: "UTC", theme: "light", default_filters: {} };

interface ApiOptions {
  features?: Features;
  preferences?: Preferences;
  user?: SessionUser;
  /** Answers preferences PUTs instead of storing them (to test a failing save). */
  savePreferences?: (body: Preferences) => Response;
  /** The answer of GET /api/issues (the Overview and cluster drawer list open issues); default none. */
  issues?: IssuePage;
}

/**
 * mockFetch with the calls every signed-in page makes already answered (features, preferences,
 * me); `handler` gets the rest. Preferences PUTs are stored and echoed, as the server does.
 */
export function mockApi(
  handler: (url: URL, request: RecordedRequest) => Response | Promise<Response> = (url) =>
    problemResponse(404, "Not Found", `No handler for ${url.pathname}`),
  options: ApiOptions = {},
) {
  let preferences = options.preferences ?? defaultPreferences;
  return mockFetch((url, request) => {
    if (url.pathname === "/api/features") return jsonResponse(options.features ?? features());
    if (url.pathname === "/api/auth/me") return jsonResponse(options.user ?? testUser("admin"));
    if (url.pathname === "/api/settings/preferences") {
      if (request.method === "PUT" && options.savePreferences) return options.savePreferences(request.body as Preferences);
      if (request.method === "PUT") preferences = request.body as Preferences;
      return jsonResponse(preferences);
    }
    if (url.pathname === "/api/issues") return jsonResponse(options.issues ?? { items: [], page: 0, size: 50, total: 0 });
    return handler(url, request);
  });
}
