import type { PageKey } from "../../shared/features/useFeatures";

/** What each page is for and how to use it (DESIGN.md sections 4–8). */
export const PAGE_GUIDE: Record<PageKey, string> = {
  overview:
    "Fleet totals (organizations, clusters, nodes, CCU this week against the same point last week), clusters by state, type, tier, version and region, and the cluster table. Search by cluster, organization or id; filter with the selects or by clicking a chart bar or slice; sort by clicking a column header; page at the bottom. Click a cluster name to open its detail drawer (organization, resources, nodes, recent actions, state history, latest metrics with warning/critical bands); the drawer's address can be shared.",
  issues:
    "Alerts grouped into issues per cluster and problem, with their lifecycle (open, acknowledged, resolved, reopened within a window). Operators triage here.",
  raw_alerts:
    "Every alert as it arrived from the Lark alert channel, Alertmanager or Grafana, after normalization and mapping to a cluster — including alerts that matched no cluster and messages that could not be parsed. Filter by received time, source, status, severity, cluster, organization, tier, text or unparsed only; the filters, sort and page live in the address, so a view can be shared. Click an alert for its normalized fields, labels, annotations and the raw payload (pretty JSON, with Copy); click a cluster to see only its alerts. Below the list, the Lark pipeline and loader runs (window, pages, messages, inserted, duplicates, unparsed, status); operators and admins can run the pipeline over a window.",
  breaking:
    "Breaking Point: clusters forecast to breach a capacity limit (disk, memory, CPU, connections) and when, from their hourly metrics.",
  usage: "Usage Patterns: how each cluster is used over the day and week (busy hours, idle schedules), from the hourly snapshots.",
  investigations: "Investigations run by the investigator agent: the question, the evidence it collected (queries, metrics, alerts) and its conclusion.",
  ai_issues: "Issues raised by the sentinel agent from patterns no alert rule caught, each with the evidence behind it.",
  patrol: "Patrol: the scheduled sweeps of the fleet by the patrol agent and what each sweep found.",
  chat: "Chat with an assistant that answers questions about the fleet using the same tools as the agents, with the sources it used.",
  llm_usage: "LLM Usage: tokens and cost per provider, model and feature, so agent spending stays visible.",
  settings:
    "Your preferences (time zone for every timestamp, theme, default filters of the cluster table). Admins also manage users (role, disable/enable), invites (the activation link is shown once, copy it then), notification channels (Lark custom bot or generic webhook, with a write-only secret and a \"send test\" button) and see whether Looker embedding is configured.",
  help: "This page.",
};
