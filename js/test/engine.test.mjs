// The engine's bounds as a Node user meets them (issue 12), on the package
// in pkg/: many classifiers never freed, and a pack of catch-all cues on a
// long text, end without a wasm trap, and classify() still works after.
// Run by `make test-js`. No timing: whether it finishes, and what it says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, Classifier } from 'jikenbo';

const NOTICE =
  '当社サーバーがランサムウェアに感染し、ファイルが暗号化されました。' +
  'お客様の氏名・住所 約1,200名分が流出した可能性があります。';

const SNATCH_RULE = {
  id: 'snatch', field: 'attack_types', tag: 'theft',
  label: { ja: 'ひったくり', en: 'Bag snatching' },
  cues: [{ pattern: 'ひったくり' }],
  match: ['当社社員が路上でひったくりの被害に遭いました。'],
  no_match: ['ひったくりの被害はありませんでした。'],
};

function stillWorks() {
  const r = classify(NOTICE);
  assert.ok(r.attackTypes.some((t) => t.id === 'ransomware'));
  assert.equal(r.affectedCount.value, 1200);
  const c = new Classifier({ rules: [SNATCH_RULE] });
  assert.ok(c.classify('帰宅途中にひったくりの被害に遭いました。').attackTypes.some((t) => t.id === 'theft'));
  c.free();
}

test('10,000 custom classifiers without free() end without a trap', () => {
  let last;
  for (let i = 0; i < 10000; i++) {
    last = new Classifier({ rules: [SNATCH_RULE] });
  }
  assert.ok(last.classify('ひったくりに遭いました。').attackTypes.some((t) => t.id === 'theft'));
  stillWorks();
});

test('20 cues [^。] on 4 MB without 。 end without a trap', () => {
  const cues = Array.from({ length: 20 }, (_, i) => ({ name: `any${i}`, pattern: '[^。]' }));
  const rule = {
    id: 'anything', field: 'attack_types', tag: 'theft', cues,
    match: ['a'], no_match: ['。'],
  };
  const c = new Classifier({ rules: [rule] });
  const text = 'あいうえおかきくけこ、'.repeat(Math.floor((4 * 1024 * 1024) / 33));
  assert.ok(text.length * 3 >= 4 * 1024 * 1024 - 33);
  const r = c.classify(text);
  const t = r.attackTypes.find((x) => x.id === 'theft');
  assert.ok(t, 'the catch-all cues fire');
  assert.equal(r.truncated, true, 'the hits were capped');
  assert.ok(t.evidence.length <= 50);
  c.free();
  stillWorks();
});
