import { loadKnowledgeBase } from './dist/knowledge/kb.js';
import { askQuestion } from './dist/knowledge/answer.js';
const kb = loadKnowledgeBase();
const [q, aud] = process.argv.slice(2);
const out = askQuestion(kb, q, { date: '2026-11-29', ...(aud ? { audience: aud } : {}) });
console.log(out.status, out.hits.map(h => `${h.article.id} ${h.score.toFixed(1)} ${h.coverage.toFixed(2)}`).join(' | '), out.redirect?.id ?? '');
console.log(JSON.stringify(kb.lexicon.read(q)));
