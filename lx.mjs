import { loadKnowledgeBase } from '/work/main/dist/knowledge/kb.js';
const kb = loadKnowledgeBase();
for (const t of process.argv.slice(2)) console.log(t, '\n  ', JSON.stringify(kb.lexicon.read(t)));
