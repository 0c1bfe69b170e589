import { readFileSync } from 'node:fs';
import { analyzeText } from '../main/core/analysis';
const dir = '/work/shared/data/sentiment/xlmt_umsab_spanish';
const texts = readFileSync(`${dir}/train_text.txt`, 'utf8').trim().split('\n');
const labels = readFileSync(`${dir}/train_labels.txt`, 'utf8')
  .trim()
  .split('\n')
  .map((l) => Number(l) - 1);
let shown = 0;
texts.forEach((t, i) => {
  const a = analyzeText(t);
  if (a.sentiment === 0 && labels[i] !== 0 && shown < 45) {
    shown++;
    console.log(labels[i], t.slice(0, 140));
  }
});
