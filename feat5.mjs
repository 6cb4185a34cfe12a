import { loadKnowledgeBase } from './dist/knowledge/kb.js';
import { askQuestion, diagnoseQuestion } from './dist/knowledge/answer.js';
import { evalSets, loadQuestions } from './dist/test/eval/questions.js';
const kb = loadKnowledgeBase();
const rows = [];
for (const set of evalSets('questions').filter(s => !s.heldOut)) for (const q of set.files.flatMap(f => loadQuestions(f))) {
  if (!q.expect.length) continue;
  const res = askQuestion(kb, q.q, { date: '2026-11-29', lang: q.lang });
  if (res.status !== 'answer') continue;
  const d = diagnoseQuestion(kb, q.q, { date: '2026-11-29', lang: q.lang });
  const ans = d.hits.filter(h => kb.articles.find(a => a.id === h.id)?.kind === 'answer');
  const ok = new Set([...q.expect, ...(q.alsoAccept ?? [])]);
  const right = ok.has(res.hits[0].article.id);
  rows.push({ right, r: ans[1] ? ans[1].score / ans[0].score : 0, c: ans[0].coverage, p: ans[0].phrase, q: q.q.slice(0,60), set: set.name });
}
const bins = [0,0.3,0.4,0.5,0.6,0.7,0.8];
for (let i=0;i<bins.length;i++){const lo=bins[i],hi=bins[i+1]??1; const a=rows.filter(r=>r.r>=lo&&r.r<hi); console.log(`ratio ${lo}-${hi}: right ${a.filter(r=>r.right).length} wrong ${a.filter(r=>!r.right).length}`);}
for (const pb of [0.3,0.5,0.7]) { const a=rows.filter(r=>r.p<pb); console.log(`phrase<${pb}: right ${a.filter(r=>r.right).length} wrong ${a.filter(r=>!r.right).length}`); }
const w = rows.filter(r=>!r.right); console.log(w.map(r=>`${r.set} r=${r.r.toFixed(2)} p=${r.p.toFixed(2)} c=${r.c.toFixed(2)} ${r.q}`).join('\n'));
