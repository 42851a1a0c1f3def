import t from 'tap'
import { trainClassifier, type Example } from '../../../src/core/faq/classifier.js'

// Three classes over six features: each class owns two features, and feature 5 also appears
// in class 0's second example, so that the centroid alone is not the whole story.
const vector = (pairs: [number, number][]): Example['x'] => {
  const norm = Math.hypot(...pairs.map(([, v]) => v))
  return { idx: Int32Array.from(pairs.map(([f]) => f)), val: Float32Array.from(pairs.map(([, v]) => v / norm)) }
}
const examples: Example[] = [
  {
    x: vector([
      [0, 1],
      [1, 1],
    ]),
    label: 0,
  },
  {
    x: vector([
      [0, 1],
      [5, 1],
    ]),
    label: 0,
  },
  {
    x: vector([
      [2, 1],
      [3, 1],
    ]),
    label: 1,
  },
  {
    x: vector([
      [3, 1],
      [2, 0.5],
    ]),
    label: 1,
  },
  {
    x: vector([
      [4, 1],
      [5, 1],
    ]),
    label: 2,
  },
  {
    x: vector([
      [5, 1],
      [4, 0.5],
    ]),
    label: 2,
  },
]
const argmax = (s: Float64Array): number => s.indexOf(Math.max(...s))

t.test('a trained classifier puts every training example in its class', async (t) => {
  const clf = trainClassifier(examples, 6, 3)
  const scores = new Float64Array(3)
  for (const { x, label } of examples) {
    clf.score(x, scores)
    t.equal(argmax(scores), label)
  }
})

t.test('without epochs the scores are cosine similarities to the class centroids', async (t) => {
  const clf = trainClassifier(examples, 6, 3, { epochs: 0 })
  const scores = new Float64Array(3)
  clf.score(vector([[2, 1]]), scores)
  t.equal(argmax(scores), 1)
  t.ok(scores[1]! > 0 && scores[1]! <= 1)
  t.equal(scores[0], 0)
})

t.test('training is reproducible for a given seed', async (t) => {
  const a = trainClassifier(examples, 6, 3, { seed: 7 })
  const b = trainClassifier(examples, 6, 3, { seed: 7 })
  const sa = new Float64Array(3)
  const sb = new Float64Array(3)
  a.score(
    vector([
      [5, 1],
      [0, 0.3],
    ]),
    sa
  )
  b.score(
    vector([
      [5, 1],
      [0, 0.3],
    ]),
    sb
  )
  t.same([...sa], [...sb])
})

t.test('a single class and an empty vector are handled', async (t) => {
  const one = trainClassifier([{ x: vector([[0, 1]]), label: 0 }], 1, 1)
  const s = new Float64Array(1)
  one.score({ idx: new Int32Array(0), val: new Float32Array(0) }, s)
  t.same([...s], [0])
})
