import { relations } from "drizzle-orm";
import { articleRelatedLinks, articleRevisions, articleSources, articles } from "./articles";
import { claims } from "./claims";
import { evidence } from "./evidence";
import { publishers } from "./publishers";
import { sources } from "./sources";

export const articlesRelations = relations(articles, ({ one, many }) => ({
  publisher: one(publishers, { fields: [articles.publisherId], references: [publishers.id] }),
  currentRevision: one(articleRevisions, { fields: [articles.currentRevisionId], references: [articleRevisions.id] }),
  relatedLinks: many(articleRelatedLinks),
  citedSources: many(articleSources),
  claims: many(claims),
}));

export const articleRevisionsRelations = relations(articleRevisions, ({ one }) => ({
  article: one(articles, { fields: [articleRevisions.articleId], references: [articles.id] }),
}));

export const articleRelatedLinksRelations = relations(articleRelatedLinks, ({ one }) => ({
  article: one(articles, { fields: [articleRelatedLinks.articleId], references: [articles.id] }),
}));

export const articleSourcesRelations = relations(articleSources, ({ one }) => ({
  article: one(articles, { fields: [articleSources.articleId], references: [articles.id] }),
  source: one(sources, { fields: [articleSources.sourceId], references: [sources.id] }),
}));

export const claimsRelations = relations(claims, ({ one, many }) => ({
  article: one(articles, { fields: [claims.articleId], references: [articles.id] }),
  evidence: many(evidence),
}));

export const evidenceRelations = relations(evidence, ({ one }) => ({
  claim: one(claims, { fields: [evidence.claimId], references: [claims.id] }),
  source: one(sources, { fields: [evidence.sourceId], references: [sources.id] }),
}));

export const sourcesRelations = relations(sources, ({ one }) => ({
  publisher: one(publishers, { fields: [sources.publisherId], references: [publishers.id] }),
}));
