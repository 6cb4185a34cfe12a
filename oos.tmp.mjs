const { loadKnowledgeBase } = await import('./dist/knowledge/kb.js');
const { askQuestion } = await import('./dist/knowledge/answer.js');
const { CALIBRATION } = await import('./dist/knowledge/search/calibration.js');
const kb = loadKnowledgeBase();
for (const q of process.argv.slice(2)) for (const m of [0.5, 2]) { CALIBRATION.OUT_OF_SCOPE_MIN = m; const o = askQuestion(kb, q, { date: '2026-11-29', audience: process.env.AUD }); console.log(m, q, o.status, o.hits.slice(0,2).map(h=>h.article.id).join(' ')); }
