import type { ClaimKind } from "@/lib/claims/workflow";
import type { ReliabilityRating, SourceType, Stance } from "@/lib/sources/vocabulary";

// Words for the stored codes. The codes live in lib/; these are how editors read them.

export const KIND_LABELS: Record<ClaimKind, string> = {
  quote: "Quote",
  statistic: "Statistic",
  event: "Event",
  attribution: "Attribution",
  characterization: "Characterization",
};

export const STANCE_LABELS: Record<Stance, string> = {
  supports: "Supports",
  refutes: "Refutes",
  context: "Context",
};

export const RELIABILITY_LABELS: Record<ReliabilityRating, string> = {
  unrated: "Unrated",
  high: "High",
  generally_reliable: "Generally reliable",
  mixed: "Mixed",
  low: "Low",
};

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  article: "Article",
  video: "Video",
  audio: "Audio",
  document: "Document or report",
  dataset: "Dataset",
  social_post: "Social media post",
  official_statement: "Official statement",
  other: "Other",
};
