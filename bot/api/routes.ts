import { Router } from 'express';
import type { Citation } from '../../knowledge/citation.js';
import type { KnowledgeBase } from '../../knowledge/kb.js';
import { INPUTS } from '../../knowledge/rules/inputs.js';
import type { Lang } from '../../knowledge/search/normalise.js';
import { estimateSupport } from '../../knowledge/estimate.js';
import type { z } from '../../knowledge/schemas.js';
import { openApiDocument } from './openapi.js';
import {
  AssessResponse,
  CitationJson,
  EstimateResponse,
  InputsResponse,
  LawResponse,
  SearchResponse,
} from './schemas.js';
import { parseAssessRequest, parseEstimateRequest, parseSearchRequest } from './validate.js';

/** What a route answers: the shape its zod schema (schemas.ts) and so the OpenAPI description give. */
type Answer<T extends z.ZodType> = z.input<T>;

/** The citation as the API shows it. */
function citationJson(c: Citation): Answer<typeof CitationJson> {
  return {
    label: c.label,
    act: c.act,
    section: c.section,
    subsection: c.subsection,
    punktum: c.punktum,
    item: c.item,
    title: c.title,
    url: c.url,
    status: c.status,
  };
}

/**
 * The JSON API over the knowledge base: search, assessment, the inputs the rules use, the law registry, and the
 * OpenAPI description of the whole service (openapi.ts).
 */
export function apiRouter(kb: KnowledgeBase): Router {
  const router = Router();
  const cite = (ids: string[]) => ids.map((id) => citationJson(kb.registry.citation(id)));

  router.get('/search', (req, res) => {
    const r = parseSearchRequest(req.query as Record<string, unknown>);
    const out = kb.search.search(r.q, { date: r.date, lang: r.lang, ...(r.audience ? { audience: r.audience } : {}) });
    const lang: Lang = r.lang;
    const body: Answer<typeof SearchResponse> = {
      query: r.q,
      lang,
      date: r.date,
      confident: out.confident,
      status: out.status,
      results: out.hits.map((h) => ({
        id: h.article.id,
        title: h.article.title[lang],
        answer: h.article.answer[lang],
        score: Math.round(h.score * 1000) / 1000,
        audience: h.article.audience,
        certainty: h.article.certainty,
        reviewed: h.article.reviewed,
        citations: cite(h.article.citations),
      })),
      redirect: out.redirect
        ? { id: out.redirect.id, title: out.redirect.title[lang], answer: out.redirect.answer[lang] }
        : null,
    };
    res.json(body);
  });

  router.post('/assess', (req, res) => {
    const r = parseAssessRequest(req.body);
    const a = kb.assessor.assess(r.situation, r.date);
    const body: Answer<typeof AssessResponse> = {
      asOf: a.asOf,
      rulesVersion: a.rulesVersion,
      lang: r.lang,
      outcomes: a.outcomes.map((o) => ({
        id: o.id,
        kind: o.kind,
        certainty: o.certainty,
        text: r.lang === 'da' ? o.text : o.textEn,
        because: r.lang === 'da' ? o.because : o.becauseEn,
        citations: o.citations.map(citationJson),
      })),
    };
    res.json(body);
  });

  router.post('/estimate', (req, res) => {
    const r = parseEstimateRequest(req.body);
    const e = estimateSupport(r.input);
    const authority = kb.registry.authorityName(r.date, r.lang);
    const body: Answer<typeof EstimateResponse> = {
      asOf: r.date,
      lang: r.lang,
      estimate: {
        mentor: e.mentor,
        hourlyBase: e.base,
        additions: e.additions,
        hourlyCost: e.hourlyCost,
        hoursPerWeek: e.hoursPerWeek,
        weeks: e.weeks,
        hours: e.hours,
        total: e.total,
        trainingGrant: e.trainingGrantSeparate ? 'separate' : null,
        longerThanOnePeriod: e.longerThanOnePeriod,
      },
      note:
        r.lang === 'da'
          ? `Et overslag. Det er ${authority}, der fastsætter timerne og beløbet. Kun timer med direkte kontakt tæller; transport, løn under sygdom og forberedelse tæller ikke.`
          : `An estimate. ${authority.charAt(0).toUpperCase() + authority.slice(1)} sets the hours and the amount. Only hours of direct contact count; travel, pay during illness and preparation do not.`,
      citations: cite(e.citations.filter((id) => kb.registry.inForce(id, r.date))),
    };
    res.json(body);
  });

  router.get('/inputs', (_req, res) => {
    const body: Answer<typeof InputsResponse> = {
      inputs: INPUTS.map((i) => ({
        ...i,
        values: 'values' in i ? [...i.values] : undefined,
        why: kb.assessor.why(i.name),
      })),
    };
    res.json(body);
  });

  router.get('/law', (_req, res) => {
    const body: Answer<typeof LawResponse> = {
      provisions: kb.registry.provisions.map((p) => ({
        id: p.id,
        ...citationJson(kb.registry.citation(p.id)),
        summary: p.summary,
        summaryEn: p.summaryEn,
        validFrom: p.validFrom,
        validTo: p.validTo,
        note: p.note,
      })),
      reforms: kb.registry.reforms,
    };
    res.json(body);
  });

  let description: Record<string, unknown> | undefined;
  router.get('/openapi.json', (_req, res) => {
    description ??= openApiDocument();
    res.set('cache-control', 'no-cache').json(description);
  });

  return router;
}
