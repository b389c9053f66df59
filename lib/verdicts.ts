/** The fixed verdict scale, best to worst; `unverifiable` sits outside the rating scale. */
export const VERDICTS = ["true", "mostly_true", "mixed", "misleading", "mostly_false", "false", "unverifiable"] as const;
export type Verdict = (typeof VERDICTS)[number];

export type VerdictIcon = "check" | "check-circle" | "half-circle" | "warning" | "cross-circle" | "cross" | "question";

export interface VerdictStyle {
  label: string;
  /** Text colour; at least 4.5:1 on `background`. Meaning is also carried by icon and label, never colour alone. */
  color: string;
  background: string;
  icon: VerdictIcon;
  /** schema.org reviewRating value on a 1 (false) .. 6 (true) scale; null when the claim could not be rated. */
  rating: number | null;
  description: string;
}

export const VERDICT_SCALE: Record<Verdict, VerdictStyle> = {
  true: { label: "True", color: "#1a7f37", background: "#dafbe1", icon: "check", rating: 6, description: "Accurate, with nothing significant missing." },
  mostly_true: { label: "Mostly true", color: "#2d7d46", background: "#dafbe1", icon: "check-circle", rating: 5, description: "Accurate, but needs clarification or additional information." },
  mixed: { label: "Mixed", color: "#7d4e00", background: "#fff8c5", icon: "half-circle", rating: 4, description: "Partly accurate, partly not." },
  misleading: { label: "Misleading", color: "#953800", background: "#fff1e5", icon: "warning", rating: 3, description: "Contains accurate elements but leaves a false impression." },
  mostly_false: { label: "Mostly false", color: "#a40e26", background: "#ffebe9", icon: "cross-circle", rating: 2, description: "Contains an element of truth but ignores critical facts." },
  false: { label: "False", color: "#cf222e", background: "#ffebe9", icon: "cross", rating: 1, description: "Not accurate." },
  unverifiable: { label: "Unverifiable", color: "#57606a", background: "#f6f8fa", icon: "question", rating: null, description: "The available evidence can neither confirm nor refute it." },
};

export const BEST_RATING = 6;
export const WORST_RATING = 1;
